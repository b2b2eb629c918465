package dev.kontor.tenant.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.kontor.account.ManagerService;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.TenantAdministrators;
import dev.kontor.tenant.TenantProvisioning;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantType;
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

/**
 * A tenant's workspace with an administrator whom the partner invited through the partnership: waiting, marked with
 * the partner, not ready for handover; the customer's manager approves, the partner sees no button to do so.
 */
@ViewTest
class TenantAdministratorApprovalViewTest extends SpringBrowserlessTest {

    @Autowired
    TenantAdministrators administrators;

    @Autowired
    TenantProvisioning tenants;

    @Autowired
    InvitationService invitations;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    ManagerService managers;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    private TestPartner partner;
    private TestAccount account;
    private long shop;
    private long waiting;
    private String mailbox;

    @BeforeEach
    void anAdministratorThePartnerInvitedWhoAccepted() {
        partner = fixtures.partner("Tenant Viewed");
        account = fixtures.account("Alice");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_TENANTS), account.email("Alice"),
                account.userId("Alice"));
        shop = tenants.importTenant(TestTasks.setUp(), account.id(), "Shop " + account.tag(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        mailbox = "tenant-viewed-" + account.tag() + "@private.example";
        fixtures.as(partner.adminEmail(), () -> administrators.add(shop, mailbox, "Tia Private", Locale.ENGLISH));
        invitations.accept(outbox.invitationTokenFor(mailbox), "lantern orbit quietly folds seven maps");
        waiting = jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.organization_id = ?""", Long.class, mailbox, shop);
    }

    @Test
    void the_customers_manager_approves_and_the_tenant_becomes_ready_for_handover() {
        fixtures.signIn(account.email("Alice"));
        navigate("tenant/" + shop, TenantWorkspaceView.class);

        assertThat(tagsOf(waiting)).contains("Awaiting approval", "Invited for " + partner.name());
        assertThat(find(Paragraph.class).withId("handover-readiness").single().getText())
                .contains("Not ready for handover");
        assertThat(find(Paragraph.class).withId("administrators-approval-hint").single().getText())
                .startsWith("One administrator invited on a partner's behalf waits for your approval.");

        test(find(Button.class).withId("approve-" + waiting).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-administrator-approval").single()).confirm();

        assertThat(tagsOf(waiting)).contains("Active");
        assertThat(find(Paragraph.class).withId("handover-readiness").single().getText())
                .isEqualTo("Active administrators: 1");
    }

    @Test
    void the_partner_sees_the_waiting_administrator_but_no_button_to_approve_it() {
        fixtures.signIn(partner.adminEmail());
        navigate("tenant/" + shop, TenantWorkspaceView.class);

        assertThat(tagsOf(waiting)).contains("Awaiting approval");
        assertThat(find(Button.class).withId("approve-" + waiting).exists()).isFalse();
        assertThat(find(Button.class).withId("refuse-" + waiting).exists()).isFalse();
        assertThat(find(Paragraph.class).withId("administrators-approval-hint").single().getText())
                .isEqualTo("One administrator invited on a partner's behalf waits for approval by the tenant's "
                        + "administrators or the customer's managers.");
    }

    @Test
    void add_administrator_tells_the_partner_that_the_customers_people_approve() {
        fixtures.signIn(partner.adminEmail());
        navigate("tenant/" + shop, TenantWorkspaceView.class);
        test(find(Button.class).withId("add-administrator").single()).click();

        assertThat(find(Paragraph.class).withId("add-administrator-approval-hint").single().getText())
                .isEqualTo("You are working for a partner here: the person you invite can work in the tenant only "
                        + "after accepting and once an administrator of the tenant or a manager of its customer "
                        + "account has approved them.");
    }

    @Test
    void add_administrator_says_nothing_of_approval_to_the_customers_own_manager() {
        fixtures.signIn(account.email("Alice"));
        navigate("tenant/" + shop, TenantWorkspaceView.class);
        test(find(Button.class).withId("add-administrator").single()).click();
        assertThat(find(Dialog.class).withId("add-administrator-dialog").exists()).isTrue();
        assertThat(find(Paragraph.class).withId("add-administrator-approval-hint").exists()).isFalse();
    }

    @Test
    void the_hint_reads_german_for_german_readers() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        fixtures.signIn(partner.adminEmail());
        navigate("tenant/" + shop, TenantWorkspaceView.class);
        test(find(Button.class).withId("add-administrator").single()).click();

        assertThat(find(Paragraph.class).withId("add-administrator-approval-hint").single().getText())
                .startsWith("Sie arbeiten hier für einen Partner: Die eingeladene Person kann erst im Mandanten "
                        + "arbeiten");
    }

    @Test
    void refusing_takes_the_waiting_administrator_off_the_list() {
        fixtures.signIn(account.email("Alice"));
        navigate("tenant/" + shop, TenantWorkspaceView.class);

        test(find(Button.class).withId("refuse-" + waiting).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-administrator-refusal").single()).confirm();

        assertThat(find(Div.class).withId("administrator-" + waiting).exists()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from membership where id = ?", Integer.class, waiting))
                .isZero();
    }

    @Test
    void a_double_click_on_refuse_asks_once_and_the_winner_is_told_that_the_refusal_took_effect() {
        fixtures.signIn(account.email("Alice"));
        navigate("tenant/" + shop, TenantWorkspaceView.class);

        Button refuse = find(Button.class).withId("refuse-" + waiting).single();
        test(refuse).click();
        assertThat(refuse.isEnabled()).isFalse();
        assertThat(find(ConfirmDialog.class).withId("confirm-administrator-refusal").all()).hasSize(1);
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-administrator-refusal").single();
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(jdbc.queryForObject("select count(*) from membership where id = ?", Integer.class, waiting))
                .isZero();
        assertThat(notifications()).containsExactly("Tia Private has been refused as administrator of this tenant.");
    }

    @Test
    void approving_says_that_it_took_effect() {
        fixtures.signIn(account.email("Alice"));
        navigate("tenant/" + shop, TenantWorkspaceView.class);

        test(find(Button.class).withId("approve-" + waiting).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-administrator-approval").single()).confirm();

        assertThat(notifications()).containsExactly("Tia Private is now an administrator of this tenant.");
    }

    @Test
    void the_dashboard_of_the_waiting_administrator_says_which_tenant_they_wait_for() {
        fixtures.signIn(mailbox);
        navigate(DashboardView.class);

        assertThat(find(Paragraph.class).withId("no-accounts").exists()).isFalse();
        assertThat(find(Paragraph.class).withId("awaiting-approval-" + shop).single().getText())
                .isEqualTo("You have accepted the invitation to administer the tenant Shop " + account.tag()
                        + ". Before you can work there, an administrator of the tenant or a manager of its customer "
                        + "account must approve you; you will get an e-mail when they have.");
    }

    @Test
    void the_tenants_page_of_someone_who_works_elsewhere_and_waits_here_says_which_tenant_they_wait_for() {
        aManagerOfAnotherAccount();
        fixtures.signIn(mailbox);
        navigate(TenantsView.class);

        assertThat(find(Paragraph.class).withId("awaiting-approval-" + shop).single().getText())
                .startsWith("You have accepted the invitation to administer the tenant Shop " + account.tag() + ".");
    }

    @Test
    void the_waiting_note_on_the_tenants_page_reads_german_for_german_readers() {
        aManagerOfAnotherAccount();
        UI.getCurrent().setLocale(Locale.GERMAN);
        fixtures.signIn(mailbox);
        navigate(TenantsView.class);

        assertThat(find(Paragraph.class).withId("awaiting-approval-" + shop).single().getText())
                .startsWith("Sie haben die Einladung angenommen, den Mandanten Shop " + account.tag()
                        + " zu verwalten. Bevor Sie dort arbeiten können, muss ein Administrator des Mandanten oder "
                        + "ein Manager seines Kundenkontos Sie freigeben");
    }

    /** The waiting administrator also manages an account of their own, so the tenants page is theirs to open. */
    private void aManagerOfAnotherAccount() {
        TestAccount own = fixtures.account("Tia");
        fixtures.as(own.email("Tia"), () -> managers.addManager(own.id(), mailbox, "Tia Private", Locale.ENGLISH));
        fixtures.as(mailbox, () -> invitations.accept(outbox.invitationTokenFor(mailbox), null));
    }

    private List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private List<String> tagsOf(long membership) {
        Div row = find(Div.class).withId("administrator-" + membership).single();
        return find(Span.class).from(row).all().stream().map(Span::getText).toList();
    }
}
