package dev.kontor.partner.ui;

import static dev.kontor.organization.OrganizationRight.ADMIN;
import static dev.kontor.organization.OrganizationRight.BILLING;
import static dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.CustomerPartnerRow;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.partner.IncomingRequestRow;
import dev.kontor.partner.RelationshipAnswers;
import dev.kontor.partner.RelationshipState;
import dev.kontor.partner.TestRequests;
import dev.kontor.partner.TestRequests.Request;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.ViewTest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ViewTest
class PartnersSectionTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestRequests requests;

    @Autowired
    RelationshipAnswers answers;

    @Autowired
    MutableClock clock;

    private TestAccount account;
    private TestPartner partner;

    @BeforeEach
    void data() {
        account = fixtures.account("Alice", "Bob");
        partner = fixtures.partner("Section Hosting");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_section_shows_each_partner_with_its_rights_and_the_requests_waiting() {
        long active = active(partner, EnumSet.of(MANAGE_USERS, BILLING));
        TestPartner asking = fixtures.partner("Asking Agency");
        Request pending = request(asking, EnumSet.of(MANAGE_CONTACTS));
        open();

        Div row = find(Div.class).withId("partner-" + active).single();
        assertThat(tags(row)).containsExactly("Active", "See the account", "Manage users", "Billing");
        assertThat(row.getElement().getTextRecursively()).contains(partner.name(), "Since ");
        Div request = find(Div.class).withId("partner-request-" + pending.id()).single();
        assertThat(tags(request)).containsExactly("See the account", "Manage contacts");
        assertThat(request.getElement().getTextRecursively()).contains(asking.name(), account.email("Alice"));
        assertThat(find(Button.class).withId("accept-request-" + pending.id()).exists()).isTrue();
        assertThat(find(Button.class).withId("confirm-rights-" + active).exists()).isFalse();
    }

    @Test
    void a_request_is_accepted_in_a_dialog_with_fewer_rights_than_asked() {
        Request pending = request(partner, EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS));
        open();

        test(find(Button.class).withId("accept-request-" + pending.id()).single()).click();
        assertThat(find(Checkbox.class).withId("right-MANAGE_USERS").single().getValue()).isTrue();
        test(find(Checkbox.class).withId("right-MANAGE_USERS").single()).click();
        test(find(Button.class).withId("save-partner-rights").single()).click();

        assertThat(requests.grantedRights(pending.id())).isEqualTo("VIEW,MANAGE_CONTACTS");
        assertThat(tags(find(Div.class).withId("partner-" + pending.id()).single()))
                .containsExactly("Active", "See the account", "Manage contacts");
        assertThat(find(Div.class).withId("partner-request-" + pending.id()).exists()).isFalse();
    }

    @Test
    void declining_a_request_is_confirmed_first() {
        Request pending = request(partner, EnumSet.of(MANAGE_USERS));
        open();

        test(find(Button.class).withId("decline-request-" + pending.id()).single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-decline-partner").single();
        test(confirm).confirm();

        assertThat(requests.state(pending.id())).isEqualTo("DECLINED");
        assertThat(find(Div.class).withId("partner-requests").exists()).isFalse();
    }

    @Test
    void rights_are_changed_in_a_small_dialog() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        open();

        test(find(Button.class).withId("change-rights-" + id).single()).click();
        assertThat(find(Checkbox.class).withId("right-MANAGE_USERS").single().getValue()).isTrue();
        test(find(Checkbox.class).withId("right-BILLING").single()).click();
        test(find(Button.class).withId("save-partner-rights").single()).click();

        assertThat(requests.grantedRights(id)).isEqualTo("VIEW,MANAGE_USERS,BILLING");
        assertThat(tags(find(Div.class).withId("partner-" + id).single()))
                .containsExactly("Active", "See the account", "Manage users", "Billing");
    }

    @Test
    void saving_the_rights_unchanged_says_they_were_confirmed_as_the_partners_mail_does() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        open();

        test(find(Button.class).withId("change-rights-" + id).single()).click();
        test(find(Button.class).withId("save-partner-rights").single()).click();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Nothing was changed: the rights of " + partner.name() + " are confirmed as they are.");
        assertThat(requests.grantedRights(id)).isEqualTo("VIEW,MANAGE_USERS");

        test(find(Button.class).withId("change-rights-" + id).single()).click();
        test(find(Checkbox.class).withId("right-BILLING").single()).click();
        test(find(Button.class).withId("save-partner-rights").single()).click();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("The rights of " + partner.name() + " were changed.");
    }

    @Test
    void a_second_admin_is_refused_with_a_message_naming_the_partner_that_holds_it() {
        active(partner, EnumSet.of(ADMIN));
        TestPartner second = fixtures.partner("Second Section");
        long id = active(second, EnumSet.of(MANAGE_USERS));
        open();

        test(find(Button.class).withId("change-rights-" + id).single()).click();
        test(find(Checkbox.class).withId("right-ADMIN").single()).click();
        Button save = find(Button.class).withId("save-partner-rights").single();

        assertThatThrownBy(() -> test(save).click()).isInstanceOfSatisfying(RuleViolation.class,
                refusal -> assertThat(UI.getCurrent().getTranslation(refusal.messageKey(), refusal.arguments()))
                        .startsWith("Only one partner can administer everything in an account, and "
                                + partner.name() + " does."));
        assertThat(requests.grantedRights(id)).isEqualTo("VIEW,MANAGE_USERS");
        // the dialog stays open, so that the person can untick ADMIN and save the rest
        assertThat(find(PartnerRightsDialog.class).single().isOpened()).isTrue();
    }

    @Test
    void ending_a_partnership_is_confirmed_first_and_the_row_shows_it_ended() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        open();

        test(find(Button.class).withId("end-partnership-" + id).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-end-partnership").single()).cancel();
        assertThat(requests.state(id)).isEqualTo("ACTIVE");

        test(find(Button.class).withId("end-partnership-" + id).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-end-partnership").single()).confirm();

        assertThat(requests.state(id)).isEqualTo("REVOKED");
        Div row = find(Div.class).withId("partner-" + id).single();
        assertThat(tags(row)).containsExactly("Ended by the account");
        assertThat(find(Button.class).withId("change-rights-" + id).exists()).isFalse();
    }

    @Test
    void confirm_rights_is_offered_while_a_review_is_due() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        clock.advance(Duration.ofDays(91));
        open();

        assertThat(find(Span.class).withId("review-due-" + id).single().getText())
                .isEqualTo("Please confirm these rights.");
        test(find(Button.class).withId("confirm-rights-" + id).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-partner-rights").single()).confirm();

        assertThat(find(Button.class).withId("confirm-rights-" + id).exists()).isFalse();
        assertThat(find(Span.class).withId("review-due-" + id).exists()).isFalse();
    }

    @Test
    void without_the_right_to_decide_the_section_is_read_only() {
        CustomerPartnerService service = mock(CustomerPartnerService.class);
        when(service.mayDecide(1L)).thenReturn(false);
        when(service.partnersOf(1L)).thenReturn(List.of(new CustomerPartnerRow(7, 0, "Read Only Hosting",
                RelationshipState.ACTIVE, Set.of(VIEW, MANAGE_USERS), Set.of(VIEW, MANAGE_USERS),
                Instant.now(), null, true, null)));
        when(service.incomingRequests(1L)).thenReturn(List.of(new IncomingRequestRow(8, "Waiting Agency",
                Set.of(VIEW), "someone@example.test", Instant.now(), Instant.now().plus(Duration.ofDays(3)))));
        fixtures.signIn(account.email("Alice"));
        navigate(DashboardView.class);

        PartnersSection section = new PartnersSection(service, 1L, () -> { });
        UI.getCurrent().add(section);

        assertThat(tags(find(Div.class).withId("partner-7").single())).containsExactly("Active", "See the account",
                "Manage users");
        assertThat(find(Div.class).withId("partner-request-8").exists()).isTrue();
        assertThat(find(Button.class).withId("change-rights-7").exists()).isFalse();
        assertThat(find(Button.class).withId("end-partnership-7").exists()).isFalse();
        assertThat(find(Button.class).withId("confirm-rights-7").exists()).isFalse();
        assertThat(find(Button.class).withId("accept-request-8").exists()).isFalse();
    }

    private void open() {
        fixtures.signIn(account.email("Bob"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        assertThat(find(PartnersSection.class).exists()).isTrue();
    }

    private List<String> tags(Div row) {
        return row.getChildren().filter(child -> child.hasClassName("tag-cell")).findFirst().orElseThrow()
                .getChildren().filter(child -> child.getElement().getClassList().contains("tag"))
                .map(child -> child.getElement().getText()).toList();
    }

    private Request request(TestPartner from, Set<OrganizationRight> rights) {
        return requests.request(from.id(), account.id(), account.email("Alice"), rights, from.legalUserId());
    }

    private long active(TestPartner from, Set<OrganizationRight> rights) {
        Request request = request(from, rights);
        fixtures.as(account.email("Alice"), () -> answers.accept(request.token(), rights, null));
        return request.id();
    }
}
