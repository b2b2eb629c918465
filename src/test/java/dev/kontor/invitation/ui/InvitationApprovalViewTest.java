package dev.kontor.invitation.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.ManagerService;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The invitation page tells someone whom a partner invited that the customer still has to approve them. */
@ViewTest
class InvitationApprovalViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagerService managers;

    @Autowired
    AccessSessions sessions;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    Outbox outbox;

    private TestPartner partner;
    private TestAccount account;

    @BeforeEach
    void aPartnerWithManageUsers() {
        partner = fixtures.partner("Inviting");
        account = fixtures.account("Alice");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), account.email("Alice"),
                account.userId("Alice"));
    }

    @Test
    void someone_new_whom_a_partner_invited_learns_before_and_after_accepting_that_approval_follows() {
        String token = invitedByThePartner("newcomer-" + account.tag() + "@private.example");
        navigate("invitation/" + token, InvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-needs-approval").single().getElement().getTextRecursively())
                .isEqualTo("You were invited on behalf of a partner of " + account.label() + ". Once you accept, "
                        + "one of the account's own managers must approve you before you can work there; you will "
                        + "get an e-mail when they have.");
        test(find(PasswordField.class).withId("new-password").single()).setValue("blue harbour lanterns sing quietly");
        test(find(PasswordField.class).withId("repeat-password").single()).setValue("blue harbour lanterns sing quietly");
        test(find(Button.class).withId("accept-invitation").single()).click();

        assertThat(find(Paragraph.class).withId("invitation-accepted").single().getElement().getTextRecursively())
                .startsWith("You have accepted, and your password is set. Before you can work in " + account.label()
                        + ", one of its own managers must approve you");
    }

    @Test
    void someone_known_whom_a_partner_invited_accepts_signed_in_and_is_told_the_same() {
        String known = fixtures.person("Known");
        String token = invitedByThePartner(known);
        fixtures.signIn(known);
        navigate("invitation/" + token, InvitationView.class);

        test(find(Button.class).withId("accept-invitation").single()).click();

        assertThat(find(Paragraph.class).withId("invitation-accepted").single().getElement().getTextRecursively())
                .isEqualTo("You have accepted. Before you can work in " + account.label() + ", one of its own "
                        + "managers must approve you; you will get an e-mail when they have.");
    }

    @Test
    void someone_the_customer_invited_reads_nothing_about_an_approval() {
        String email = "own-" + account.tag() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Own", Locale.ENGLISH));
        navigate("invitation/" + outbox.invitationTokenFor(email), InvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-needs-approval").exists()).isFalse();
    }

    private String invitedByThePartner(String email) {
        fixtures.signIn(partner.adminEmail());
        sessions.start(partner.id(), new CustomerNumber(account.customerNumber()), null);
        managers.addManager(account.id(), email, "Invited Person", Locale.ENGLISH);
        sessions.leave();
        SecurityContextHolder.clearContext();
        return outbox.invitationTokenFor(email);
    }
}
