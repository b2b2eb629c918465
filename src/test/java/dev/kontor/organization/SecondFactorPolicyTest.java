package dev.kontor.organization;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.audit.AuditOutcome;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An organization's second-factor rules: who may require one, how the requirement flows down the tree, who is
 * reminded, and who may reset whose lost factor. The attacks come first: another organization, the partner above a
 * customer, a tenant's administrator against the customer's manager, oneself, and a person who is a member elsewhere.
 */
@IntegrationTest
class SecondFactorPolicyTest {

    @Autowired
    SecondFactorPolicy policy;

    @Autowired
    dev.kontor.user.Callers callers;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    /** A partner with a customer (two managers) and the customer's tenant (one administrator), and a stranger. */
    private World world;

    record World(long partner, String legal, long customer, String manager, String otherManager,
                 long otherManagerMembership, long managerMembership, long tenant, String tenantAdmin,
                 long tenantAdminMembership, long strangerCustomer, String stranger, long legalMembership) {
    }

    @BeforeEach
    void buildWorld() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String legal = fixtures.person("Lena");
        String manager = fixtures.person("Mia");
        String otherManager = fixtures.person("Max");
        String tenantAdmin = fixtures.person("Tim");
        String stranger = fixtures.person("Sid");
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + tag);
        Organization partner = onboarding.createPartner(TestTasks.setUp(), "Partner " + tag, provider.getId());
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Customer " + tag, partner.getId());
        Organization tenant = onboarding.createTenant(TestTasks.setUp(), "Tenant " + tag, customer.getId());
        Organization strangerCustomer = onboarding.createCustomer(TestTasks.setUp(), "Stranger " + tag,
                partner.getId());
        long legalMembership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(legal), partner.getId(),
                MembershipRole.LEGAL_REPRESENTATIVE).getId();
        long managerMembership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(manager), customer.getId(),
                MembershipRole.MANAGER).getId();
        long otherMembership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(otherManager), customer.getId(),
                MembershipRole.MANAGER).getId();
        long tenantAdminMembership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(tenantAdmin), tenant.getId(),
                MembershipRole.TENANT_ADMINISTRATOR).getId();
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(stranger), strangerCustomer.getId(),
                MembershipRole.MANAGER);
        world = new World(partner.getId(), legal, customer.getId(), manager, otherManager, otherMembership,
                managerMembership, tenant.getId(), tenantAdmin, tenantAdminMembership, strangerCustomer.getId(),
                stranger, legalMembership);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Gives the person a confirmed authenticator, two recovery codes and a remembered browser. */
    private void giveFactor(String email) {
        long userId = fixtures.userIdOf(email);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) values (?, ?, ?, ?)",
                userId, "sealed", now, now);
        for (int i = 0; i < 2; i++) {
            jdbc.update("insert into second_factor_recovery_code (user_id, code_hash, created_at) values (?, ?, ?)",
                    userId, UUID.randomUUID().toString().replace("-", ""), now);
        }
        jdbc.update("insert into remembered_browser (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                userId, UUID.randomUUID().toString().replace("-", ""), now,
                Timestamp.from(clock.instant().plus(Duration.ofDays(30))));
    }

    private int rowsOf(String table, String email) {
        return jdbc.queryForObject("select count(*) from " + table + " where user_id = ?", Integer.class,
                fixtures.userIdOf(email));
    }

    private boolean hasFactor(String email) {
        return rowsOf("second_factor", email) > 0;
    }

    // --- attacks on the reset

    @Test
    void the_manager_of_another_organization_cannot_reset_a_managers_factor() {
        giveFactor(world.otherManager());

        assertThatThrownBy(() -> fixtures.as(world.stranger(), () -> policy.resetSecondFactor(world.customer(),
                world.otherManagerMembership()))).isInstanceOf(AccessRefused.class);
        // nor by naming their own organization with the victim's membership
        assertThatThrownBy(() -> fixtures.as(world.stranger(), () -> policy.resetSecondFactor(
                world.strangerCustomer(), world.otherManagerMembership()))).isInstanceOf(AccessRefused.class);

        assertThat(hasFactor(world.otherManager())).isTrue();
        assertThat(auditTrail.latest(OrganizationAccess.ACCESS_DENIED))
                .anyMatch(event -> Long.valueOf(world.strangerCustomer()).equals(event.getOrganizationId())
                        && event.getOutcome() == AuditOutcome.DENIED);
    }

    @Test
    void the_partner_above_a_customer_cannot_reset_the_customers_managers_factor() {
        giveFactor(world.manager());

        assertThatThrownBy(() -> fixtures.as(world.legal(), () -> policy.resetSecondFactor(world.customer(),
                world.managerMembership()))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.legal(), () -> policy.resetSecondFactor(world.partner(),
                world.managerMembership()))).isInstanceOf(AccessRefused.class);

        assertThat(hasFactor(world.manager())).isTrue();
    }

    @Test
    void a_tenants_administrator_cannot_reset_the_factor_of_the_customers_manager_above() {
        giveFactor(world.manager());

        assertThatThrownBy(() -> fixtures.as(world.tenantAdmin(), () -> policy.resetSecondFactor(world.customer(),
                world.managerMembership()))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.tenantAdmin(), () -> policy.resetSecondFactor(world.tenant(),
                world.managerMembership()))).isInstanceOf(AccessRefused.class);

        assertThat(hasFactor(world.manager())).isTrue();
    }

    @Test
    void nobody_resets_their_own_factor_here_the_security_page_does_that_with_a_code() {
        giveFactor(world.manager());

        assertThatThrownBy(() -> fixtures.as(world.manager(), () -> policy.resetSecondFactor(world.customer(),
                world.managerMembership()))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("second-factor.reset.not-yourself");

        assertThat(hasFactor(world.manager())).isTrue();
    }

    @Test
    void a_person_who_is_a_member_of_an_organization_the_resetter_does_not_lead_keeps_the_factor() {
        // the tenant's administrator also works for the partner: the customer's manager cannot weaken that
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(world.tenantAdmin()), world.partner(),
                MembershipRole.PARTNER_EMPLOYEE);
        giveFactor(world.tenantAdmin());

        assertThatThrownBy(() -> fixtures.as(world.manager(), () -> policy.resetSecondFactor(world.tenant(),
                world.tenantAdminMembership()))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("second-factor.reset.member-elsewhere");

        assertThat(hasFactor(world.tenantAdmin())).isTrue();
        assertThat(auditTrail.latest(OrganizationAccess.ACCESS_DENIED))
                .anyMatch(event -> Long.valueOf(world.tenant()).equals(event.getOrganizationId()));
    }

    // --- the reset

    @Test
    void a_manager_resets_another_managers_lost_factor_with_its_codes_and_browsers_audited_and_mailed() {
        String third = fixtures.person("Ute");
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(third), world.customer(), MembershipRole.MANAGER);
        giveFactor(world.otherManager());

        fixtures.as(world.manager(), () -> policy.resetSecondFactor(world.customer(), world.otherManagerMembership()));

        assertThat(rowsOf("second_factor", world.otherManager())).isZero();
        assertThat(rowsOf("second_factor_recovery_code", world.otherManager())).isZero();
        assertThat(rowsOf("remembered_browser", world.otherManager())).isZero();
        assertThat(auditTrail.latest(SecondFactorPolicy.RESET))
                .anyMatch(event -> Long.valueOf(world.customer()).equals(event.getOrganizationId())
                        && Long.valueOf(fixtures.userIdOf(world.manager())).equals(event.getActorUserId()));
        assertThat(outbox.to(world.otherManager())).anySatisfy(mail -> assertThat(mail.body())
                .contains("/security").contains(world.manager()));
        assertThat(outbox.to(third)).anySatisfy(mail -> assertThat(mail.body()).contains(world.otherManager()));
    }

    @Test
    void a_customers_manager_resets_the_factor_of_the_administrator_of_its_own_tenant() {
        giveFactor(world.tenantAdmin());

        fixtures.as(world.manager(), () -> policy.resetSecondFactor(world.tenant(), world.tenantAdminMembership()));

        assertThat(hasFactor(world.tenantAdmin())).isFalse();
    }

    @Test
    void resetting_someone_without_a_factor_says_so_and_records_nothing() {
        assertThatThrownBy(() -> fixtures.as(world.manager(), () -> policy.resetSecondFactor(world.customer(),
                world.otherManagerMembership()))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("second-factor.reset.none");
    }

    // --- the requirement

    @Test
    void a_partners_requirement_holds_for_its_own_people_and_tenants_but_never_reaches_into_a_customer_account() {
        String templateAdmin = fixtures.person("Tara");
        long template = onboarding.createTenant(TestTasks.setUp(), "Templates " + UUID.randomUUID(), world.partner())
                .getId();
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(templateAdmin), template,
                MembershipRole.TENANT_ADMINISTRATOR);

        fixtures.as(world.legal(), () -> policy.changeRequirement(world.partner(), true));

        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.legal())))).isTrue();
        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(templateAdmin)))).isTrue();
        SecondFactorRequirement atTemplate = fixtures.as(templateAdmin, () -> policy.requirement(template));
        assertThat(atTemplate.inherited()).isTrue();
        assertThat(atTemplate.requiredBy()).startsWith("Partner ");
        // the customer decides for itself and its tenants: the partner above it does not
        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.manager())))).isFalse();
        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin())))).isFalse();
        assertThat((policy.organizationsRequiringFor(callers.task("test"), fixtures.userIdOf(world.manager()))))
                .isEmpty();
        SecondFactorRequirement atCustomer = fixtures.as(world.manager(), () -> policy.requirement(world.customer()));
        assertThat(atCustomer.required()).isFalse();
        assertThat(atCustomer.requiredBy()).isNull();
        assertThat(fixtures.as(world.tenantAdmin(), () -> policy.requirement(world.tenant())).requiredBy()).isNull();

        // its own requirement the customer switches on and off, whatever the partner requires
        fixtures.as(world.manager(), () -> policy.changeRequirement(world.customer(), true));
        assertThat((policy.organizationsRequiringFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin()))))
                .singleElement().asString().startsWith("Customer ");
        SecondFactorRequirement off = fixtures.as(world.manager(), () -> policy.changeRequirement(world.customer(),
                false));
        assertThat(off.required()).isFalse();
        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin())))).isFalse();
        assertThat(auditTrail.latest(SecondFactorPolicy.REQUIREMENT_CHANGED))
                .anyMatch(event -> Long.valueOf(world.partner()).equals(event.getOrganizationId()));
    }

    @Test
    void a_person_in_a_partner_and_in_a_customer_is_asked_by_the_partners_requirement_for_the_partner_alone() {
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(world.manager()), world.partner(),
                MembershipRole.PARTNER_EMPLOYEE);

        fixtures.as(world.legal(), () -> policy.changeRequirement(world.partner(), true));

        assertThat((policy.organizationsRequiringFor(callers.task("test"), fixtures.userIdOf(world.manager()))))
                .singleElement().asString().startsWith("Partner ");
        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.otherManager())))).isFalse();
    }

    @Test
    void a_customers_requirement_holds_for_its_tenants_but_not_for_its_partner_or_a_neighbour() {
        fixtures.as(world.manager(), () -> policy.changeRequirement(world.customer(), true));

        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin()))).isTrue();
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.otherManager()))).isTrue();
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.legal()))).isFalse();
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.stranger()))).isFalse();
    }

    @Test
    void a_tenants_administrator_cannot_switch_off_a_requirement_inherited_from_the_customer_even_with_its_own_on() {
        fixtures.as(world.tenantAdmin(), () -> policy.changeRequirement(world.tenant(), true));
        fixtures.as(world.manager(), () -> policy.changeRequirement(world.customer(), true));

        assertThatThrownBy(() -> fixtures.as(world.tenantAdmin(), () -> policy.changeRequirement(world.tenant(),
                false))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("second-factor.requirement.inherited");

        SecondFactorRequirement atTenant = fixtures.as(world.tenantAdmin(), () -> policy.requirement(world.tenant()));
        assertThat(atTenant.required()).isTrue();
        assertThat(atTenant.ownSetting()).as("nothing half-changed").isTrue();
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin()))).isTrue();
        assertThat(auditTrail.latest(OrganizationAccess.ACCESS_DENIED))
                .anyMatch(event -> Long.valueOf(world.tenant()).equals(event.getOrganizationId())
                        && event.getSummary().contains("requires a second factor here"));

        // where it was set, it is switched off; the tenant's own requirement then still holds, and goes when its
        // own administrator switches it off
        fixtures.as(world.manager(), () -> policy.changeRequirement(world.customer(), false));
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin()))).isTrue();
        fixtures.as(world.tenantAdmin(), () -> policy.changeRequirement(world.tenant(), false));
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin()))).isFalse();
    }

    @Test
    void an_unknown_membership_and_someone_elses_get_the_same_refusal_and_name_nobody() {
        giveFactor(world.stranger());
        long strangerMembership = jdbc.queryForObject("select id from membership where user_id = ? and "
                + "organization_id = ?", Long.class, fixtures.userIdOf(world.stranger()), world.strangerCustomer());

        Throwable unknown = org.assertj.core.api.Assertions.catchThrowable(() -> fixtures.as(world.manager(),
                () -> policy.resetSecondFactor(world.customer(), Long.MAX_VALUE)));
        Throwable elsewhere = org.assertj.core.api.Assertions.catchThrowable(() -> fixtures.as(world.manager(),
                () -> policy.resetSecondFactor(world.customer(), strangerMembership)));

        assertThat(unknown).isInstanceOf(AccessRefused.class);
        assertThat(elsewhere).isInstanceOf(AccessRefused.class).hasMessage(unknown.getMessage());
        assertThat(String.valueOf(elsewhere.getMessage())).doesNotContain(world.stranger()).doesNotContain("Sid");
        assertThat(hasFactor(world.stranger())).isTrue();
    }

    @Test
    void the_reminder_names_only_its_addressee_the_organization_and_the_lead_who_sent_it() {
        String third = fixtures.person("Ute");
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(third), world.customer(), MembershipRole.MANAGER);

        int mailed = fixtures.as(world.manager(), () -> policy.remind(world.customer()));

        assertThat(mailed).isEqualTo(3);
        assertThat(outbox.to(world.otherManager())).singleElement().satisfies(mail -> assertThat(mail.body())
                .doesNotContain(third).doesNotContain("Ute").doesNotContain(world.tenantAdmin())
                .doesNotContain(world.legal()));
        assertThat(outbox.to(third)).singleElement().satisfies(mail -> assertThat(mail.body())
                .doesNotContain(world.otherManager()).doesNotContain("Max"));
        // nobody outside the organization is mailed: not the tenant's administrator below, not the partner above
        assertThat(outbox.to(world.tenantAdmin())).isEmpty();
        assertThat(outbox.to(world.legal())).isEmpty();
    }

    @Test
    void an_invited_membership_brings_no_requirement_until_accepted() {
        fixtures.as(world.manager(), () -> policy.changeRequirement(world.customer(), true));
        String invited = fixtures.person("Ina");
        onboarding.invite(TestTasks.setUp(), fixtures.userIdOf(invited), world.customer(), MembershipRole.MANAGER);

        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(invited))).isFalse();
    }

    @Test
    void neither_the_partner_nor_a_tenants_administrator_may_change_the_customers_requirement() {
        assertThatThrownBy(() -> fixtures.as(world.legal(), () -> policy.changeRequirement(world.customer(), true)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.tenantAdmin(), () -> policy.changeRequirement(world.customer(),
                true))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.stranger(), () -> policy.changeRequirement(world.customer(),
                true))).isInstanceOf(AccessRefused.class);

        assertThat(fixtures.as(world.manager(), () -> policy.requirement(world.customer())).required()).isFalse();
        assertThat(fixtures.as(world.legal(), () -> policy.requirement(world.partner())).mayChange()).isTrue();
    }

    @Test
    void a_tenants_administrator_requires_it_for_the_tenant_only() {
        SecondFactorRequirement on = fixtures.as(world.tenantAdmin(), () -> policy.changeRequirement(world.tenant(),
                true));

        assertThat(on.ownSetting()).isTrue();
        assertThat(on.inherited()).isFalse();
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.tenantAdmin()))).isTrue();
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(world.manager()))).isFalse();
    }

    @Test
    void the_organizations_whose_requirement_holds_are_named_by_name_with_their_customer_number() {
        fixtures.as(world.manager(), () -> policy.changeRequirement(world.customer(), true));
        fixtures.as(world.tenantAdmin(), () -> policy.changeRequirement(world.tenant(), true));

        List<String> forTenantAdmin = policy.organizationsRequiringFor(callers.task("test"),
                fixtures.userIdOf(world.tenantAdmin()));
        assertThat(forTenantAdmin).hasSize(2);
        assertThat(forTenantAdmin.getFirst()).startsWith("Customer ").matches(".* \\(CN-[0-9]+\\)");
        assertThat(forTenantAdmin.getLast()).startsWith("Tenant ").doesNotContain("CN-");
        assertThat(policy.organizationsRequiringFor(callers.task("test"), fixtures.userIdOf(world.manager())))
                .containsExactly(forTenantAdmin.getFirst());
        assertThat(policy.organizationsRequiringFor(callers.task("test"), fixtures.userIdOf(world.legal())))
                .isEmpty();
        assertThatThrownBy(() -> fixtures.as(world.manager(), () -> policy.organizationsRequiringFor(null,
                fixtures.userIdOf(world.tenantAdmin())))).isInstanceOf(
                org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void the_requirement_question_is_for_the_system_only() {
        assertThatThrownBy(() -> fixtures.as(world.manager(), () -> policy.requiredFor(null,
                fixtures.userIdOf(world.otherManager())))).isInstanceOf(
                org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    // --- who has none, and the reminder

    @Test
    void the_members_without_a_factor_are_listed_and_reminded_once_a_day_each_in_their_language() {
        giveFactor(world.manager());
        jdbc.update("update app_user set preferred_language = 'de' where id = ?",
                fixtures.userIdOf(world.otherManager()));

        assertThat(fixtures.as(world.manager(), () -> policy.withoutSecondFactor(world.customer())))
                .containsExactly(fixtures.userIdOf(world.otherManager()));
        int mailed = fixtures.as(world.manager(), () -> policy.remind(world.customer()));

        assertThat(mailed).isEqualTo(1);
        assertThat(outbox.to(world.otherManager())).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains("/security").contains("zweiten Faktor"));
        assertThat(outbox.to(world.manager())).noneMatch(mail -> mail.body().contains("/security"));
        assertThatThrownBy(() -> fixtures.as(world.manager(), () -> policy.remind(world.customer())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("second-factor.remind.too-soon");
        assertThat(auditTrail.latest(SecondFactorPolicy.REMINDED))
                .anyMatch(event -> Long.valueOf(world.customer()).equals(event.getOrganizationId()));

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(fixtures.as(world.otherManager(), () -> policy.remind(world.customer()))).isEqualTo(1);
        assertThat(outbox.to(world.otherManager())).hasSize(2);
    }

    @Test
    void only_the_organizations_own_leads_remind_its_members() {
        assertThatThrownBy(() -> fixtures.as(world.legal(), () -> policy.remind(world.customer())))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.tenantAdmin(), () -> policy.remind(world.customer())))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.stranger(), () -> policy.withoutSecondFactor(world.customer())))
                .isInstanceOf(AccessRefused.class);
        // the partner above sees the customer's requirement, but not which of its people have no second factor
        assertThatThrownBy(() -> fixtures.as(world.legal(), () -> policy.withoutSecondFactor(world.customer())))
                .isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(world.tenantAdmin(), () -> policy.withoutSecondFactor(world.tenant()))).isNotNull();
    }
}
