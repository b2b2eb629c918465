package dev.kontor.account.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.ManagerService;
import dev.kontor.base.ui.KontorErrorHandlerAccess;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The managers list of the account data dialog with a manager whom a partner invited: the waiting state and the
 * partner are shown to everyone who sees the list, Approve and Refuse only to the account's own managers.
 */
@ViewTest
class ManagerApprovalViewTest extends SpringBrowserlessTest {

    @Autowired
    ManagerService managers;

    @Autowired
    AccessSessions sessions;

    @Autowired
    InvitationService invitations;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    private TestPartner partner;
    private TestAccount account;
    private String mailbox;
    private long waiting;

    @BeforeEach
    void aManagerThePartnerInvitedWhoAccepted() {
        partner = fixtures.partner("Viewed");
        account = fixtures.account("Alice", "Bob");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), account.email("Alice"),
                account.userId("Alice"));
        mailbox = "viewed-" + account.tag() + "@private.example";
        fixtures.signIn(partner.adminEmail());
        sessions.start(partner.id(), new CustomerNumber(account.customerNumber()), null);
        managers.addManager(account.id(), mailbox, "Max Private", Locale.ENGLISH);
        sessions.leave();
        SecurityContextHolder.clearContext();
        invitations.accept(outbox.invitationTokenFor(mailbox), "lantern orbit quietly folds seven maps");
        waiting = jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.organization_id = ?""", Long.class, mailbox, account.id());
    }

    @Test
    void a_manager_sees_the_waiting_person_with_the_partner_and_approves_after_a_warning() {
        openAs(account.email("Alice"));

        assertThat(tagsOf(waiting)).contains("Awaiting approval", "Invited for " + partner.name());
        assertThat(find(Paragraph.class).withId("managers-approval-hint").single().getText())
                .isEqualTo("One manager invited on a partner's behalf waits for your approval. Approve only "
                        + "people you know belong to your company.");
        assertThat(find(Button.class).withId("remove-" + waiting).exists()).isFalse();
        assertThat(find(Button.class).withId("approve-" + waiting).single().getAriaLabel())
                .contains("Approve: Max Private");

        test(find(Button.class).withId("approve-" + waiting).single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-manager-approval").single();
        assertThat(confirm.isOpened()).isTrue();
        test(confirm).confirm();

        assertThat(tagsOf(waiting)).contains("Active").doesNotContain("Awaiting approval");
        assertThat(find(Button.class).withId("approve-" + waiting).exists()).isFalse();
        assertThat(find(Paragraph.class).withId("managers-approval-hint").exists()).isFalse();
        assertThat(stateOf(waiting)).containsExactly("ACTIVE");
    }

    @Test
    void refusing_takes_the_waiting_person_off_the_list() {
        openAs(account.email("Bob"));

        test(find(Button.class).withId("refuse-" + waiting).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-manager-refusal").single()).confirm();

        assertThat(find(Div.class).withId("manager-" + waiting).exists()).isFalse();
        assertThat(stateOf(waiting)).isEmpty();
    }

    @Test
    void approving_someone_another_manager_refused_meanwhile_says_so_and_shows_the_list_as_it_is() {
        openAs(account.email("Alice"));
        fixtures.as(account.email("Bob"), () -> managers.refuse(account.id(), waiting));

        test(find(Button.class).withId("approve-" + waiting).single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-manager-approval").single();
        Exception refusal = assertThrows(Exception.class, () -> test(confirm).confirm());

        assertThat(KontorErrorHandlerAccess.messageFor(refusal)).isEqualTo("This person no longer waits for "
                + "approval: someone else has refused them, or the invitation was withdrawn. The list shows the "
                + "current state.");
        assertThat(find(Div.class).withId("manager-" + waiting).exists()).isFalse();
    }

    @Test
    void a_double_click_on_refuse_asks_once_and_the_winner_is_told_that_the_refusal_took_effect() {
        openAs(account.email("Bob"));

        Button refuse = find(Button.class).withId("refuse-" + waiting).single();
        test(refuse).click();
        // the browser turns the button off at the click, so a second click of a double click opens no second question
        assertThat(refuse.isEnabled()).isFalse();
        assertThat(find(ConfirmDialog.class).withId("confirm-manager-refusal").all()).hasSize(1);
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-manager-refusal").single();
        // a double click on Refuse in the question sends its confirmation twice
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(stateOf(waiting)).isEmpty();
        assertThat(find(Div.class).withId("manager-" + waiting).exists()).isFalse();
        assertThat(notifications()).containsExactly("Max Private has been refused as manager of this account.");
    }

    @Test
    void approving_says_that_it_took_effect() {
        openAs(account.email("Alice"));

        test(find(Button.class).withId("approve-" + waiting).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-manager-approval").single()).confirm();

        assertThat(notifications()).containsExactly("Max Private is now a manager of this account.");
    }

    @Test
    void cancelling_the_question_lets_the_manager_decide_later() {
        openAs(account.email("Alice"));

        Button approve = find(Button.class).withId("approve-" + waiting).single();
        test(approve).click();
        test(find(ConfirmDialog.class).withId("confirm-manager-approval").single()).cancel();

        assertThat(approve.isEnabled()).isTrue();
        assertThat(stateOf(waiting)).containsExactly("APPROVAL_PENDING");
    }

    @Test
    void the_manager_who_lost_the_race_is_told_that_someone_else_decided_and_no_success() {
        openAs(account.email("Alice"));
        test(find(Button.class).withId("approve-" + waiting).single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-manager-approval").single();
        fixtures.as(account.email("Bob"), () -> managers.approve(account.id(), waiting));

        Exception refusal = assertThrows(Exception.class, () -> test(confirm).confirm());

        assertThat(KontorErrorHandlerAccess.messageFor(refusal)).isEqualTo("This person has been approved already.");
        assertThat(notifications()).isEmpty();
        assertThat(tagsOf(waiting)).contains("Active");
    }

    @Test
    void the_partner_working_in_the_account_sees_the_waiting_state_but_cannot_decide() {
        fixtures.signIn(partner.adminEmail());
        sessions.start(partner.id(), new CustomerNumber(account.customerNumber()), null);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        assertThat(tagsOf(waiting)).contains("Awaiting approval", "Invited for " + partner.name());
        assertThat(find(Button.class).withId("approve-" + waiting).exists()).isFalse();
        assertThat(find(Button.class).withId("refuse-" + waiting).exists()).isFalse();
        assertThat(find(Paragraph.class).withId("managers-approval-hint").single().getText())
                .isEqualTo("One manager invited on a partner's behalf waits for approval by the account's own "
                        + "managers.");
    }

    @Test
    void add_manager_tells_a_partner_working_in_the_account_that_the_accounts_own_managers_approve() {
        fixtures.signIn(partner.adminEmail());
        sessions.start(partner.id(), new CustomerNumber(account.customerNumber()), null);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        test(find(Button.class).withId("add-manager").single()).click();

        assertThat(find(Paragraph.class).withId("add-manager-approval-hint").single().getText())
                .isEqualTo("You are working for a partner here: the person you invite can work in the account only "
                        + "after accepting and once one of the account's own managers has approved them.");
    }

    @Test
    void add_manager_says_nothing_of_approval_to_the_accounts_own_manager() {
        openAs(account.email("Alice"));
        test(find(Button.class).withId("add-manager").single()).click();
        assertThat(find(Dialog.class).withId("add-manager-dialog").exists()).isTrue();
        assertThat(find(Paragraph.class).withId("add-manager-approval-hint").exists()).isFalse();
    }

    @Test
    void the_dashboard_of_the_waiting_person_says_which_account_they_wait_for_instead_of_no_account() {
        fixtures.signIn(mailbox);
        navigate(DashboardView.class);

        assertThat(find(Paragraph.class).withId("no-accounts").exists()).isFalse();
        assertThat(find(Div.class).withId("next-steps").exists()).isFalse();
        assertThat(find(Paragraph.class).withId("awaiting-approval-" + account.id()).single().getText())
                .isEqualTo("You have accepted the invitation to manage " + account.label() + ". Before you can "
                        + "work there, one of the account's own managers must approve you; you will get an e-mail "
                        + "when they have.");
    }

    @Test
    void the_waiting_note_reads_german_for_german_readers() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        fixtures.signIn(mailbox);
        navigate(DashboardView.class);

        assertThat(find(Paragraph.class).withId("awaiting-approval-" + account.id()).single().getText())
                .isEqualTo("Sie haben die Einladung angenommen, " + account.label() + " zu verwalten. Bevor Sie "
                        + "dort arbeiten können, muss einer der eigenen Manager des Kontos Sie freigeben; Sie "
                        + "erhalten eine E-Mail, sobald das geschehen ist.");
    }

    @Test
    void once_approved_the_account_is_on_the_dashboard_and_the_waiting_note_is_gone() {
        fixtures.as(account.email("Alice"), () -> managers.approve(account.id(), waiting));
        fixtures.signIn(mailbox);
        navigate(DashboardView.class);

        assertThat(find(Paragraph.class).withId("awaiting-approval-" + account.id()).exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.card.Card.class).withId("account-" + account.customerNumber())
                .exists()).isTrue();
    }

    @Test
    void a_manager_of_another_account_who_waits_here_sees_both_the_card_and_the_waiting_note() {
        TestAccount own = fixtures.account("Max");
        fixtures.as(own.email("Max"), () -> managers.addManager(own.id(), mailbox, "Max Private",
                Locale.ENGLISH));
        fixtures.as(mailbox, () -> invitations.accept(outbox.invitationTokenFor(mailbox), null));
        fixtures.signIn(mailbox);
        navigate(DashboardView.class);

        assertThat(find(com.vaadin.flow.component.card.Card.class).withId("account-" + own.customerNumber())
                .exists()).isTrue();
        assertThat(find(Paragraph.class).withId("awaiting-approval-" + account.id()).single().getText())
                .startsWith("You have accepted the invitation to manage " + account.label() + ".");
        assertThat(find(Paragraph.class).withId("awaiting-approval-" + own.id()).exists()).isFalse();
    }

    @Test
    void the_waiting_state_reads_german_for_german_readers() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        openAs(account.email("Alice"));

        assertThat(tagsOf(waiting)).contains("Wartet auf Freigabe", "Eingeladen für " + partner.name());
        assertThat(find(Button.class).withId("approve-" + waiting).single().getText()).isEqualTo("Freigeben");
        assertThat(find(Button.class).withId("refuse-" + waiting).single().getText()).isEqualTo("Ablehnen");
        assertThat(find(Paragraph.class).withId("managers-approval-hint").single().getText())
                .startsWith("Ein im Auftrag eines Partners eingeladener Manager wartet auf Ihre Freigabe.");
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private void openAs(String email) {
        fixtures.signIn(email);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
    }

    private List<String> tagsOf(long membership) {
        Div row = find(Div.class).withId("manager-" + membership).single();
        return find(Span.class).from(row).all().stream().map(Span::getText).toList();
    }

    private List<String> stateOf(long membership) {
        return jdbc.queryForList("select state from membership where id = ?", String.class, membership);
    }
}
