package dev.kontor.organization;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.postgres.PostgresTest;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The requirement's statements on PostgreSQL: the paths of a person's organizations (an id cast to text and appended)
 * and the organizations on them that require a second factor, down a deep tree; who has none; a reset's deletes.
 */
@PostgresTest
class SecondFactorPolicyOnPostgresTest {

    @Autowired
    SecondFactorPolicy policy;

    @Autowired
    dev.kontor.user.Callers callers;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_partners_requirement_stops_at_its_customer_whose_own_reaches_a_tenant_deep_below_it() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String legal = fixtures.person("Pglegal");
        String deepAdmin = fixtures.person("Pgdeep");
        String neighbour = fixtures.person("Pgneighbour");
        String manager = fixtures.person("Pgmanager");
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Pg provider " + tag);
        Organization partner = onboarding.createPartner(TestTasks.setUp(), "Pg partner " + tag, provider.getId());
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Pg customer " + tag, partner.getId());
        Organization other = onboarding.createPartner(TestTasks.setUp(), "Pg other " + tag, provider.getId());
        long parent = customer.getId();
        for (int level = 0; level < 6; level++) {
            parent = onboarding.createTenant(TestTasks.setUp(), "Pg level " + level, parent).getId();
        }
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(legal), partner.getId(),
                MembershipRole.LEGAL_REPRESENTATIVE);
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(deepAdmin), parent, MembershipRole.TENANT_ADMINISTRATOR);
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(neighbour), other.getId(),
                MembershipRole.LEGAL_REPRESENTATIVE);
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(manager), customer.getId(), MembershipRole.MANAGER);
        long[] ids = new long[] {partner.getId(), parent, customer.getId()};

        fixtures.as(legal, () -> policy.changeRequirement(ids[0], true));

        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(legal)))).isTrue();
        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(deepAdmin)))).isFalse();
        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(neighbour)))).isFalse();
        assertThat(fixtures.as(deepAdmin, () -> policy.requirement(ids[1])).requiredBy()).isNull();

        fixtures.as(manager, () -> policy.changeRequirement(ids[2], true));

        assertThat((policy.requiredFor(callers.task("test"), fixtures.userIdOf(deepAdmin)))).isTrue();
        assertThat((policy.organizationsRequiringFor(callers.task("test"), fixtures.userIdOf(deepAdmin))))
                .singleElement().asString().startsWith("Pg customer " + tag);
        SecondFactorRequirement deep = fixtures.as(deepAdmin, () -> policy.requirement(ids[1]));
        assertThat(deep.requiredBy()).isEqualTo("Pg customer " + tag);
    }

    @Test
    void who_has_none_is_answered_and_a_reset_removes_the_factor_with_its_codes() {
        var account = fixtures.account("Pga", "Pgb");
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) "
                + "values (?, 'sealed', ?, ?)", account.userId("Pgb"), now, now);
        jdbc.update("insert into second_factor_recovery_code (user_id, code_hash, created_at) values (?, ?, ?)",
                account.userId("Pgb"), "pg-" + account.tag(), now);
        long membership = jdbc.queryForObject("select id from membership where user_id = ? and organization_id = ?",
                Long.class, account.userId("Pgb"), account.id());

        assertThat(fixtures.as(account.email("Pga"), () -> policy.withoutSecondFactor(account.id())))
                .containsExactly(account.userId("Pga"));
        fixtures.as(account.email("Pga"), () -> policy.resetSecondFactor(account.id(), membership));

        assertThat(jdbc.queryForObject("select count(*) from second_factor_recovery_code where user_id = ?",
                Integer.class, account.userId("Pgb"))).isZero();
        assertThat(outbox.to(account.email("Pgb"))).isNotEmpty();
    }
}
