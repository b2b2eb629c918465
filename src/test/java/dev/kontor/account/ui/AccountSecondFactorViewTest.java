package dev.kontor.account.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import dev.kontor.access.AccessSessions;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.security.SecondStep;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import dev.kontor.user.AuthenticatedUser;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Two-factor sign-in in the account data dialog: the account's requirement (its own switch, or the organization
 * above that requires it), who has no second factor, Remind them, and a manager's reset of another manager's factor;
 * none of it changeable by a partner working in the account.
 */
@ViewTest
class AccountSecondFactorViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    AccessSessions sessions;

    @Autowired
    PartnerProvisioning provisioning;

    /** Told of every session by the servlet container; here, by the test. */
    @Autowired
    List<HttpSessionListener> listeners;

    private TestAccount account;
    private long alice;
    private long bob;

    @BeforeEach
    void anAccountWhereOnlyAliceHasAFactor() {
        account = fixtures.account("Alice", "Bob");
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) "
                + "values (?, 'sealed', ?, ?)", account.userId("Alice"), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        alice = membershipOf("Alice");
        bob = membershipOf("Bob");
    }

    @Test
    void a_manager_sees_who_has_no_second_factor_and_requires_one_of_everyone() {
        openAs(account.email("Alice"));

        assertThat(tagsOf(bob)).contains("No second factor");
        assertThat(tagsOf(alice)).doesNotContain("No second factor");
        assertThat(find(Paragraph.class).withId("second-factor-without").single().getText())
                .isEqualTo("1 active member has no second factor yet.");
        Checkbox required = find(Checkbox.class).withId("second-factor-required").single();
        assertThat(required.getValue()).isFalse();

        test(required).click();

        assertThat(jdbc.queryForObject("select second_factor_required from organization where id = ?",
                Boolean.class, account.id())).isTrue();
        assertThat(notifications()).contains("Everyone in Customer " + account.tag()
                + " must now sign in with a second factor.");
        assertThat(find(Checkbox.class).withId("second-factor-required").single().getValue()).isTrue();
    }

    @Test
    void a_requirement_of_the_organization_above_does_not_reach_into_the_account_which_decides_itself() {
        jdbc.update("update organization set second_factor_required = true where id = "
                + "(select parent_id from organization where id = ?)", account.id());

        openAs(account.email("Alice"));

        assertThat(find(Paragraph.class).withId("second-factor-required-by").exists()).isFalse();
        Checkbox required = find(Checkbox.class).withId("second-factor-required").single();
        assertThat(required.getValue()).isFalse();
        assertThat(required.isEnabled()).isTrue();
    }

    @Test
    void remind_them_mails_the_managers_without_a_factor_and_says_how_many() {
        openAs(account.email("Alice"));

        test(find(Button.class).withId("second-factor-remind").single()).click();

        assertThat(notifications()).contains("1 reminder sent.");
        assertThat(outbox.to(account.email("Bob"))).anySatisfy(mail -> assertThat(mail.subject())
                .isEqualTo("Please set up two-factor sign-in for " + account.label()));
        assertThat(outbox.to(account.email("Alice"))).noneMatch(mail -> mail.subject().contains("two-factor"));
    }

    @Test
    void a_manager_resets_another_managers_factor_after_a_question_but_not_their_own() {
        openAs(account.email("Bob"));
        assertThat(find(Button.class).withId("reset-second-factor-" + bob).exists()).isFalse();

        test(find(Button.class).withId("reset-second-factor-" + alice).single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-second-factor-reset").single();
        test(confirm).confirm();

        assertThat(jdbc.queryForObject("select count(*) from second_factor where user_id = ?", Integer.class,
                account.userId("Alice"))).isZero();
        assertThat(notifications()).contains("The second factor of Alice was reset.");
        assertThat(tagsOf(alice)).contains("No second factor");
        assertThat(outbox.to(account.email("Alice"))).anySatisfy(mail -> assertThat(mail.subject())
                .isEqualTo("Your second factor for Kontor was reset"));
    }

    @Test
    void the_reset_ends_alices_open_sign_in_made_with_the_factor_and_leaves_the_leads_own_alone() {
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) "
                + "values (?, 'sealed', ?, ?)", account.userId("Bob"), Timestamp.from(Instant.now().minusSeconds(60)),
                Timestamp.from(Instant.now().minusSeconds(60)));
        MockHttpSession alicesPhone = signedInWithFactor("Alice");
        MockHttpSession bobsOtherBrowser = signedInWithFactor("Bob");
        try {
            openAs(account.email("Bob"));
            test(find(Button.class).withId("reset-second-factor-" + alice).single()).click();
            test(find(ConfirmDialog.class).withId("confirm-second-factor-reset").single()).confirm();

            assertThat(alicesPhone.isInvalid()).as("Alice's sign-in with the lost factor").isTrue();
            assertThat(bobsOtherBrowser.isInvalid()).as("the lead's own other sign-in").isFalse();
            assertThat(notifications()).contains("The second factor of Alice was reset.");
            // the lead goes on working in this page
            assertThat(tagsOf(alice)).contains("No second factor");
        } finally {
            listeners.forEach(listener -> {
                listener.sessionDestroyed(new HttpSessionEvent(alicesPhone));
                listener.sessionDestroyed(new HttpSessionEvent(bobsOtherBrowser));
            });
        }
    }

    /** A browser in which the manager signed in with the password and an authenticator code. */
    private MockHttpSession signedInWithFactor(String manager) {
        AuthenticatedUser user = new AuthenticatedUser(account.userId(manager), account.email(manager), manager, null,
                false, List.of());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                FactorGrantedAuthority.withAuthority(SecondStep.TOTP_AUTHORITY).issuedAt(Instant.now()).build())));
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        listeners.forEach(listener -> listener.sessionCreated(new HttpSessionEvent(session)));
        return session;
    }

    @Test
    void a_partner_working_in_the_account_sees_the_state_but_not_who_has_none_and_can_neither_switch_remind_nor_reset() {
        TestPartner partner = fixtures.partner("Factor");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.allOf(OrganizationRight.class), account.email("Alice"), account.userId("Alice"));
        fixtures.signIn(partner.adminEmail());
        sessions.start(partner.id(), new CustomerNumber(account.customerNumber()), null);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .isEqualTo("A second factor is optional here.");
        assertThat(tagsOf(bob)).doesNotContain("No second factor");
        assertThat(find(Paragraph.class).withId("second-factor-without").exists()).isFalse();
        assertThat(find(Checkbox.class).withId("second-factor-required").exists()).isFalse();
        assertThat(find(Button.class).withId("second-factor-remind").exists()).isFalse();
        assertThat(find(Button.class).withId("reset-second-factor-" + alice).exists()).isFalse();
    }

    private long membershipOf(String manager) {
        return jdbc.queryForObject("select id from membership where user_id = ? and organization_id = ?", Long.class,
                account.userId(manager), account.id());
    }

    private void openAs(String email) {
        fixtures.signIn(email);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private List<String> tagsOf(long membership) {
        Div row = find(Div.class).withId("manager-" + membership).single();
        return find(Span.class).from(row).all().stream().map(Span::getText).toList();
    }
}
