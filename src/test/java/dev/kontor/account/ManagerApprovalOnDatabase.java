package dev.kontor.account;

import dev.kontor.user.TestTasks;
import static dev.kontor.testing.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.base.KontorException;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.CustomerNumber;
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
import dev.kontor.testing.Races.Outcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The approval of a partner's invitee on a real database: two managers deciding at the same moment never break a
 * rule (one decision wins, the other is told clearly), and the database itself refuses a partner's invitee that is
 * active without an approver, or approved by themselves. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ManagerApprovalOnDatabase {

    private static final String PASSWORD = "lantern orbit quietly folds seven maps";

    @Autowired
    ManagerService managers;

    @Autowired
    AccessSessions sessions;

    @Autowired
    InvitationService invitations;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    TenantAdministrators tenantAdministrators;

    @Autowired
    TenantProvisioning tenants;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    /** The partner's browser tab; held here, since Vaadin keeps the current UI only weakly. */
    private UI tab;

    @RepeatedTest(5)
    void two_managers_approving_at_once_approve_once() throws Exception {
        Waiting waiting = aManagerThePartnerInvitedWhoAccepted();

        List<Outcome> outcomes = race(
                () -> fixtures.as(waiting.account.email("Alice"), () -> managers.approve(waiting.account.id(),
                        waiting.membership)),
                () -> fixtures.as(waiting.account.email("Bob"), () -> managers.approve(waiting.account.id(),
                        waiting.membership)));

        // whoever came second finds the person approved, and is told so; the first is told nothing but success
        assertTheWinnerSucceededAndTheLoserWasTold(outcomes, "membership.approval.already-approved");
        assertThat(stateOf(waiting.membership)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where organization_id = ? and kind = 'MEMBERSHIP_APPROVED'""",
                Integer.class, waiting.account.id())).isEqualTo(1);
    }

    @RepeatedTest(5)
    void one_manager_approving_while_another_refuses_leaves_exactly_one_decision() throws Exception {
        Waiting waiting = aManagerThePartnerInvitedWhoAccepted();

        List<Outcome> outcomes = race(
                () -> fixtures.as(waiting.account.email("Alice"), () -> managers.approve(waiting.account.id(),
                        waiting.membership)),
                () -> fixtures.as(waiting.account.email("Bob"), () -> managers.refuse(waiting.account.id(),
                        waiting.membership)));

        List<String> state = jdbc.queryForList("select state from membership where id = ?", String.class,
                waiting.membership);
        // the decision that took effect is the one whose side was told success; the other hears what happened
        if (state.isEmpty()) {
            assertThat(outcomes.get(1).succeeded()).as("the refusal took effect: the refusing manager succeeded")
                    .isTrue();
            assertTheWinnerSucceededAndTheLoserWasTold(outcomes, "membership.approval.closed");
        } else {
            assertThat(state).containsExactly("ACTIVE");
            assertThat(outcomes.getFirst().succeeded()).as("the approval took effect: the approving manager "
                    + "succeeded").isTrue();
            assertTheWinnerSucceededAndTheLoserWasTold(outcomes, "membership.approval.already-approved");
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where organization_id = ? and outcome = 'SUCCESS'
                  and kind in ('MEMBERSHIP_APPROVED', 'MEMBERSHIP_REFUSED')""", Integer.class, waiting.account.id()))
                .isEqualTo(1);
    }

    @RepeatedTest(5)
    void deciding_on_a_tenant_administrator_at_once_leaves_exactly_one_decision_and_tells_each_side() throws Exception {
        Waiting waiting = aTenantAdministratorThePartnerInvitedWhoAccepted();

        List<Outcome> outcomes = race(
                () -> fixtures.as(waiting.account.email("Alice"), () -> tenantAdministrators.approve(waiting.tenant,
                        waiting.membership)),
                () -> fixtures.as(waiting.account.email("Bob"), () -> tenantAdministrators.refuse(waiting.tenant,
                        waiting.membership)));

        List<String> state = jdbc.queryForList("select state from membership where id = ?", String.class,
                waiting.membership);
        if (state.isEmpty()) {
            assertThat(outcomes.get(1).succeeded()).isTrue();
            assertTheWinnerSucceededAndTheLoserWasTold(outcomes, "membership.approval.closed");
        } else {
            assertThat(state).containsExactly("ACTIVE");
            assertThat(outcomes.getFirst().succeeded()).isTrue();
            assertTheWinnerSucceededAndTheLoserWasTold(outcomes, "membership.approval.already-approved");
        }
    }

    @Test
    void the_database_refuses_a_partners_invitee_active_without_an_approver_or_approved_by_themselves() {
        Waiting waiting = aManagerThePartnerInvitedWhoAccepted();
        long person = jdbc.queryForObject("select user_id from membership where id = ?", Long.class,
                waiting.membership);

        assertThatThrownBy(() -> jdbc.update("update membership set state = 'ACTIVE' where id = ?",
                waiting.membership)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update membership set state = 'DEACTIVATED' where id = ?",
                waiting.membership)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("""
                update membership set state = 'ACTIVE', approved_by_user_id = ?, approved_at = current_timestamp
                where id = ?""", person, waiting.membership)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update membership set invited_by_partner_id = null where id = ?",
                waiting.membership)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("""
                update membership set approved_by_user_id = ?, approved_at = current_timestamp where id = ?""",
                waiting.account.userId("Alice"), waiting.membership))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(stateOf(waiting.membership)).isEqualTo("APPROVAL_PENDING");
    }

    private void assertTheWinnerSucceededAndTheLoserWasTold(List<Outcome> outcomes, String loserMessage) {
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        // the account row is locked before every decision, so the second one sees the first and says so
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(loser -> assertThat(loser.refusal()).isInstanceOfSatisfying(KontorException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo(loserMessage)));
    }

    /** A partner administrator in an access session invites a new address; the person accepts. */
    private Waiting aManagerThePartnerInvitedWhoAccepted() {
        TestPartner partner = fixtures.partner("Racing");
        TestAccount account = fixtures.account("Alice", "Bob");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), account.email("Alice"),
                account.userId("Alice"));
        String mailbox = "racing-" + account.tag() + "@private.example";
        tab = new UI();
        UI.setCurrent(tab);
        try {
            fixtures.as(partner.adminEmail(), () -> {
                sessions.start(partner.id(), new CustomerNumber(account.customerNumber()), null);
                managers.addManager(account.id(), mailbox, "Racing Private", Locale.ENGLISH);
                sessions.leave();
            });
        } finally {
            UI.setCurrent(null);
        }
        invitations.accept(outbox.invitationTokenFor(mailbox), PASSWORD);
        long membership = jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.organization_id = ?""", Long.class, mailbox, account.id());
        return new Waiting(account, account.id(), membership);
    }

    /** The partner, through the partnership's MANAGE_TENANTS, invites an administrator of a tenant; they accept. */
    private Waiting aTenantAdministratorThePartnerInvitedWhoAccepted() {
        TestPartner partner = fixtures.partner("Racing Tenants");
        TestAccount account = fixtures.account("Alice", "Bob");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_TENANTS), account.email("Alice"),
                account.userId("Alice"));
        long shop = tenants.importTenant(TestTasks.setUp(), account.id(), "Shop " + account.tag(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        String mailbox = "racing-admin-" + account.tag() + "@private.example";
        fixtures.as(partner.adminEmail(), () -> tenantAdministrators.add(shop, mailbox, "Racing Admin",
                Locale.ENGLISH));
        invitations.accept(outbox.invitationTokenFor(mailbox), PASSWORD);
        long membership = jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.organization_id = ?""", Long.class, mailbox, shop);
        return new Waiting(account, shop, membership);
    }

    private String stateOf(long membershipId) {
        return jdbc.queryForObject("select state from membership where id = ?", String.class, membershipId);
    }

    /** {@code tenant}: the organization the membership belongs to (the account itself for a manager). */
    private record Waiting(TestAccount account, long tenant, long membership) {
    }
}
