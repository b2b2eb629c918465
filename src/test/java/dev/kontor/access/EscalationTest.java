package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.base.KontorException;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.CustomerPartnerService;
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
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Escalation tests, one per right: starting with only that right, every sequence of allowed actions that could give
 * the holder a right it does not hold (enrolling oneself or one's partner colleagues as manager or tenant
 * administrator, reviving a deactivated colleague, accepting a colleague's invitation, granting one's partner more,
 * ending or confirming the partnership, changing the partner-access rules) is tried. Each attempt must be refused,
 * audited on the spot, and leave memberships, the relationship and the access rules exactly as they were.
 */
@IntegrationTest
class EscalationTest {

    private static final String PRIVATE_PASSWORD = "lantern orbit quietly folds seven maps";

    private UI tab;

    @Autowired
    AccessSessions sessions;

    @Autowired
    ManagerService managers;

    @Autowired
    AccountService accounts;

    @Autowired
    TenantAdministrators tenantAdministrators;

    @Autowired
    CustomerPartnerService customerPartners;

    @Autowired
    AccessPolicyService policies;

    @Autowired
    InvitationService invitations;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    TenantProvisioning tenants;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aBrowserTab() {
        // an access session belongs to one browser tab; the test keeps the UI as a browser session would
        tab = new UI();
        UI.setCurrent(tab);
    }

    @ParameterizedTest(name = "a partner holding only {0} in a session")
    @EnumSource(OrganizationRight.class)
    void a_partner_in_an_access_session_reaches_no_right_it_does_not_hold(OrganizationRight right) {
        World world = world(EnumSet.of(OrganizationRight.VIEW, right));
        String admin = world.partner.adminEmail();
        String colleague = world.partner.legalEmail();
        inSession(world);

        Map<String, Runnable> attempts = new LinkedHashMap<>();
        attempts.put("add oneself as manager", () -> managers.addManager(world.account.id(), admin, "Me",
                Locale.ENGLISH));
        attempts.put("add a colleague as manager", () -> managers.addManager(world.account.id(), colleague, "Lea",
                Locale.ENGLISH));
        attempts.put("reactivate a deactivated colleague", () -> managers.reactivate(world.account.id(),
                world.deactivatedColleague));
        attempts.put("add oneself as tenant administrator", () -> tenantAdministrators.add(world.tenant, admin,
                "Me", Locale.ENGLISH));
        attempts.put("add a colleague as tenant administrator", () -> tenantAdministrators.add(world.tenant,
                colleague, "Lea", Locale.ENGLISH));
        attempts.put("accept a colleague's invitation", () -> invitations.accept(world.colleaguesInvitation, null));
        attempts.put("grant one's partner every right", () -> customerPartners.changeRights(world.account.id(),
                world.relationshipId, world.relationshipVersion(), EnumSet.allOf(OrganizationRight.class)));
        attempts.put("confirm one's own rights", () -> customerPartners.confirmRights(world.account.id(),
                world.relationshipId));
        attempts.put("end the partnership", () -> customerPartners.revoke(world.account.id(),
                world.relationshipId));
        attempts.put("change the partner-access rules", () -> policies.change(world.account.id(), false, false));

        assertEachRefusedAuditedAndHarmless(world, admin, attempts);
    }

    @Test
    void a_partner_managing_the_customers_tenants_enrols_none_of_its_people_there() {
        World world = world(EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_TENANTS));
        String admin = world.partner.adminEmail();

        // outside any session: the relationship's MANAGE_TENANTS reaches the tenants below the account
        assertEachRefusedAuditedAndHarmless(world, admin, Map.of(
                "add oneself as tenant administrator", () -> tenantAdministrators.add(world.tenant, admin, "Me",
                        Locale.ENGLISH),
                "add a colleague as tenant administrator", () -> tenantAdministrators.add(world.tenant,
                        world.partner.legalEmail(), "Lea", Locale.ENGLISH),
                "add oneself as manager of the account", () -> managers.addManager(world.account.id(), admin, "Me",
                        Locale.ENGLISH),
                "grant one's partner every right", () -> customerPartners.changeRights(world.account.id(),
                        world.relationshipId, world.relationshipVersion(), EnumSet.allOf(OrganizationRight.class))));
    }

    @Test
    void a_tenant_administrator_reaches_nothing_beyond_the_tenant() {
        World world = world(EnumSet.of(OrganizationRight.VIEW));
        String tenantAdministrator = fixtures.person("Tessa");
        long tenantAdministratorId = fixtures.userIdOf(tenantAdministrator);
        onboarding.grant(TestTasks.setUp(), tenantAdministratorId, world.tenant, MembershipRole.TENANT_ADMINISTRATOR);
        long sibling = tenants.importTenant(TestTasks.setUp(), world.account.id(), "Sibling " + world.account.tag(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();

        assertEachRefusedAuditedAndHarmless(world, tenantAdministrator, Map.of(
                "add oneself as manager of the account", () -> managers.addManager(world.account.id(),
                        tenantAdministrator, "Me", Locale.ENGLISH),
                "add oneself as administrator of a sibling tenant", () -> tenantAdministrators.add(sibling,
                        tenantAdministrator, "Me", Locale.ENGLISH),
                "reactivate a deactivated manager", () -> managers.reactivate(world.account.id(),
                        world.deactivatedColleague),
                "accept someone else's invitation", () -> invitations.accept(world.colleaguesInvitation, null),
                "grant the partner every right", () -> customerPartners.changeRights(world.account.id(),
                        world.relationshipId, world.relationshipVersion(), EnumSet.allOf(OrganizationRight.class)),
                "change the partner-access rules", () -> policies.change(world.account.id(), false, false)));
    }

    @Test
    void a_manager_who_belongs_to_the_partner_decides_nothing_about_it_even_outside_a_session() {
        World world = world(EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS));
        String admin = world.partner.adminEmail();
        // how he became a manager does not matter (the customer invited him, say): he is one now
        onboarding.grant(TestTasks.setUp(), world.partner.adminUserId(), world.account.id(), MembershipRole.MANAGER);

        assertEachRefusedAuditedAndHarmless(world, admin, Map.of(
                "grant one's partner every right", () -> customerPartners.changeRights(world.account.id(),
                        world.relationshipId, world.relationshipVersion(), EnumSet.allOf(OrganizationRight.class)),
                "confirm one's own rights", () -> customerPartners.confirmRights(world.account.id(),
                        world.relationshipId),
                "end the partnership", () -> customerPartners.revoke(world.account.id(), world.relationshipId),
                "change the partner-access rules", () -> policies.change(world.account.id(), false, false),
                "reactivate a deactivated colleague", () -> reactivateInSession(world)));
    }

    /**
     * The private-mailbox path: inside an access session the partner invites an address it controls (Kontor cannot
     * know that it does), and that person accepts. Accepting alone must give nothing: not the account on the
     * dashboard, not a decision about any partner, not the access rules, not more managers.
     */
    @Test
    void a_manager_the_partner_invites_at_a_mailbox_it_controls_reaches_nothing_by_accepting() {
        World world = world(EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS));
        TestPartner other = fixtures.partner("Bystander");
        long othersRelationship = provisioning.importActiveRelationship(TestTasks.setUp(), other.id(),
                world.account.id(), EnumSet.of(OrganizationRight.VIEW), world.account.email("Alice"),
                world.account.userId("Alice"));
        String mailbox = "private-" + world.account.tag() + "@mailbox.example";
        inSession(world);
        fixtures.as(world.partner.adminEmail(), () -> managers.addManager(world.account.id(), mailbox, "Max Private",
                Locale.ENGLISH));
        fixtures.as(world.partner.adminEmail(), () -> sessions.leave());
        UI.setCurrent(null);
        invitations.accept(outbox.invitationTokenFor(mailbox), PRIVATE_PASSWORD);
        long mailboxMembership = membershipOf(mailbox, world.account.id());
        String othersBefore = relationshipState(othersRelationship);

        assertThat(stateOf(mailboxMembership)).isNotEqualTo("ACTIVE");
        assertThat(fixtures.as(mailbox, () -> accounts.myAccounts(null, PageRequest.of(0, 10))).getContent())
                .as("no dashboard entry").isEmpty();
        Map<String, Runnable> attempts = new LinkedHashMap<>();
        attempts.put("grant the partner ADMIN", () -> customerPartners.changeRights(world.account.id(),
                world.relationshipId, world.relationshipVersion(), EnumSet.allOf(OrganizationRight.class)));
        attempts.put("confirm the partner's rights", () -> customerPartners.confirmRights(world.account.id(),
                world.relationshipId));
        attempts.put("end the partnership", () -> customerPartners.revoke(world.account.id(),
                world.relationshipId));
        attempts.put("end another partner's partnership", () -> customerPartners.revoke(world.account.id(),
                othersRelationship));
        attempts.put("change the partner-access rules", () -> policies.change(world.account.id(), false, false));
        attempts.put("invite more managers", () -> managers.addManager(world.account.id(),
                "second-" + mailbox, "Second Private", Locale.ENGLISH));
        attempts.put("become the contact person", () -> accounts.changeContactPerson(world.account.id(),
                accountVersion(world), fixtures.userIdOf(mailbox)));
        attempts.put("add a tenant administrator", () -> tenantAdministrators.add(world.tenant,
                "third-" + mailbox, "Third Private", Locale.ENGLISH));
        attempts.put("approve oneself", () -> managers.approve(world.account.id(), mailboxMembership));
        assertEachRefusedAuditedAndHarmless(world, mailbox, attempts);
        assertThat(relationshipState(othersRelationship)).isEqualTo(othersBefore);

        // one of the customer's own managers approves, knowingly: from then on the person is a manager like any other
        fixtures.as(world.account.email("Alice"), () -> managers.approve(world.account.id(), mailboxMembership));
        assertThat(stateOf(mailboxMembership)).isEqualTo("ACTIVE");
        assertThat(fixtures.as(mailbox, () -> accounts.myAccounts(null, PageRequest.of(0, 10))).getContent())
                .hasSize(1);
        fixtures.as(mailbox, () -> policies.change(world.account.id(), true, false));
        fixtures.as(mailbox, () -> customerPartners.confirmRights(world.account.id(), world.relationshipId));
    }

    /**
     * Nobody on the partner's side approves the partner's invitee: not the partner working in the account, not a
     * person of the partner who also manages the account, not the invitee, not someone from elsewhere. Each attempt
     * is refused, audited, and leaves the invitee waiting.
     */
    @Test
    void only_the_customers_own_managers_approve_whom_a_partner_invited() {
        World world = world(EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS));
        String mailbox = "waiting-" + world.account.tag() + "@mailbox.example";
        inSession(world);
        fixtures.as(world.partner.adminEmail(), () -> managers.addManager(world.account.id(), mailbox, "Wanda Waiting",
                Locale.ENGLISH));
        UI.setCurrent(null);
        invitations.accept(outbox.invitationTokenFor(mailbox), PRIVATE_PASSWORD);
        long waiting = membershipOf(mailbox, world.account.id());
        // a person of the partner who manages the account too: the customer invited her, and she accepted
        fixtures.as(world.partner.legalEmail(), () -> invitations.accept(world.colleaguesInvitation, null));
        TestAccount elsewhere = fixtures.account("Eve");
        UI.setCurrent(tab);

        assertEachRefusedAuditedAndHarmless(world, world.partner.adminEmail(), Map.of(
                "approve inside the access session", () -> managers.approve(world.account.id(), waiting),
                "refuse inside the access session", () -> managers.refuse(world.account.id(),
                        waiting)));
        UI.setCurrent(null);
        assertEachRefusedAuditedAndHarmless(world, world.partner.legalEmail(), Map.of(
                "approve as a manager who belongs to the partner", () -> managers.approve(world.account.id(),
                        waiting),
                "refuse as a manager who belongs to the partner", () -> managers.refuse(world.account.id(),
                        waiting)));
        assertEachRefusedAuditedAndHarmless(world, mailbox, Map.of(
                "approve oneself", () -> managers.approve(world.account.id(), waiting)));
        assertEachRefusedAuditedAndHarmless(world, elsewhere.email("Eve"), Map.of(
                "approve in another's account", () -> managers.approve(world.account.id(), waiting)));
        assertThat(stateOf(waiting)).isEqualTo("APPROVAL_PENDING");

        fixtures.as(world.account.email("Bob"), () -> managers.approve(world.account.id(), waiting));
        assertThat(stateOf(waiting)).isEqualTo("ACTIVE");
    }

    /**
     * The same path through the partnership's MANAGE_TENANTS, outside any session: an administrator the partner
     * invites for one of the customer's tenants administers nothing by accepting.
     */
    @Test
    void a_tenant_administrator_the_partner_invites_at_a_mailbox_it_controls_reaches_nothing_by_accepting() {
        World world = world(EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_TENANTS));
        String mailbox = "private-admin-" + world.account.tag() + "@mailbox.example";
        fixtures.as(world.partner.adminEmail(), () -> tenantAdministrators.add(world.tenant, mailbox, "Tim Private",
                Locale.ENGLISH));
        UI.setCurrent(null);
        invitations.accept(outbox.invitationTokenFor(mailbox), PRIVATE_PASSWORD);
        long mailboxMembership = membershipOf(mailbox, world.tenant);

        assertThat(stateOf(mailboxMembership)).isNotEqualTo("ACTIVE");
        assertEachRefusedAuditedAndHarmless(world, mailbox, Map.of(
                "add another tenant administrator", () -> tenantAdministrators.add(world.tenant,
                        "second-" + mailbox, "Second Private", Locale.ENGLISH),
                "see the tenant's administrators", () -> tenantAdministrators.list(world.tenant),
                "add oneself as manager of the account", () -> managers.addManager(world.account.id(), mailbox,
                        "Me", Locale.ENGLISH),
                "change the partner-access rules", () -> policies.change(world.account.id(), false, false),
                "approve oneself", () -> tenantAdministrators.approve(world.tenant, mailboxMembership)));
        assertEachRefusedAuditedAndHarmless(world, world.partner.adminEmail(), Map.of(
                "approve one's own invitee through the partnership", () -> tenantAdministrators.approve(world.tenant,
                        mailboxMembership)));

        // the customer's manager decides for a tenant that has no administrator of its own
        fixtures.as(world.account.email("Alice"), () -> tenantAdministrators.approve(world.tenant, mailboxMembership));
        assertThat(stateOf(mailboxMembership)).isEqualTo("ACTIVE");
        fixtures.as(mailbox, () -> tenantAdministrators.list(world.tenant));
    }

    private long membershipOf(String email, long organizationId) {
        return jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.organization_id = ?""", Long.class, email, organizationId);
    }

    private String stateOf(long membershipId) {
        return jdbc.queryForObject("select state from membership where id = ?", String.class, membershipId);
    }

    private String relationshipState(long relationshipId) {
        return jdbc.queryForObject("select state || ' ' || granted_rights || ' ' || version from partner_relationship"
                + " where id = ?", String.class, relationshipId);
    }

    private long accountVersion(World world) {
        return jdbc.queryForObject("select version from customer_account where organization_id = ?", Long.class,
                world.account.id());
    }

    private void reactivateInSession(World world) {
        inSession(world);
        try {
            managers.reactivate(world.account.id(), world.deactivatedColleague);
        } finally {
            sessions.leave();
        }
    }

    private void assertEachRefusedAuditedAndHarmless(World world, String attacker, Map<String, Runnable> attempts) {
        Snapshot before = world.snapshot();
        for (Map.Entry<String, Runnable> attempt : attempts.entrySet()) {
            int refusals = refusalsOf(attacker);
            assertThatThrownBy(() -> fixtures.as(attacker, attempt.getValue())).as(attempt.getKey())
                    .isInstanceOf(KontorException.class);
            assertThat(refusalsOf(attacker)).as(attempt.getKey() + " is audited").isGreaterThan(refusals);
            assertThat(world.snapshot()).as(attempt.getKey() + " changes nothing").isEqualTo(before);
        }
    }

    private int refusalsOf(String attacker) {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and actor_email = ?",
                Integer.class, attacker);
    }

    private void inSession(World world) {
        fixtures.as(world.partner.adminEmail(), () -> sessions.start(world.partner.id(),
                new CustomerNumber(world.account.customerNumber()), null));
    }

    /**
     * A partner working for an account with the given rights; a tenant below the account; a colleague of the partner
     * who once managed the account and was deactivated; and an open invitation the customer sent to a colleague.
     */
    private World world(Set<OrganizationRight> rights) {
        TestPartner partner = fixtures.partner("Escalation");
        TestAccount account = fixtures.account("Alice", "Bob");
        long relationshipId = provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                rights, account.email("Alice"), account.userId("Alice"));
        long tenant = tenants.importTenant(TestTasks.setUp(), account.id(), "Shop " + account.tag(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        String employee = fixtures.person("Emil");
        long employeeId = fixtures.userIdOf(employee);
        onboarding.grant(TestTasks.setUp(), employeeId, partner.id(), MembershipRole.PARTNER_EMPLOYEE);
        long deactivated = onboarding.grant(TestTasks.setUp(), employeeId, account.id(), MembershipRole.MANAGER)
                .getId();
        UI.setCurrent(null);
        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), deactivated, Locale.ENGLISH));
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), partner.legalEmail(), "Lea",
                Locale.ENGLISH));
        UI.setCurrent(tab);
        return new World(partner, account, relationshipId, tenant, deactivated,
                outbox.invitationTokenFor(partner.legalEmail()));
    }

    /** Everything an escalation would change: memberships, the relationship, the access rules. */
    record Snapshot(List<Map<String, Object>> memberships, Map<String, Object> relationship,
                    List<Map<String, Object>> rules) {
    }

    final class World {
        final TestPartner partner;
        final TestAccount account;
        final long relationshipId;
        final long tenant;
        final long deactivatedColleague;
        final String colleaguesInvitation;

        World(TestPartner partner, TestAccount account, long relationshipId, long tenant, long deactivatedColleague,
              String colleaguesInvitation) {
            this.partner = partner;
            this.account = account;
            this.relationshipId = relationshipId;
            this.tenant = tenant;
            this.deactivatedColleague = deactivatedColleague;
            this.colleaguesInvitation = colleaguesInvitation;
        }

        long relationshipVersion() {
            return jdbc.queryForObject("select version from partner_relationship where id = ?", Long.class,
                    relationshipId);
        }

        Snapshot snapshot() {
            return new Snapshot(
                    jdbc.queryForList("""
                            select id, user_id, organization_id, role, state, version from membership
                            where organization_id in (?, ?) or user_id in (?, ?) order by id""",
                            account.id(), tenant, partner.adminUserId(), partner.legalUserId()),
                    jdbc.queryForMap("select state, granted_rights, version from partner_relationship where id = ?",
                            relationshipId),
                    jdbc.queryForList("select * from access_policy where customer_id = ?", account.id()));
        }
    }
}
