package dev.kontor.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.postgres.PostgresTest;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import dev.kontor.user.SystemTask;
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
    void a_partners_requirement_reaches_the_administrator_of_a_tenant_deep_below_its_customer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String legal = fixtures.person("Pglegal");
        String deepAdmin = fixtures.person("Pgdeep");
        String neighbour = fixtures.person("Pgneighbour");
        long[] ids = SystemTask.call(() -> {
            Organization provider = onboarding.createProvider("Pg provider " + tag);
            Organization partner = onboarding.createPartner("Pg partner " + tag, provider.getId());
            Organization customer = onboarding.createCustomer("Pg customer " + tag, partner.getId());
            Organization other = onboarding.createPartner("Pg other " + tag, provider.getId());
            long parent = customer.getId();
            for (int level = 0; level < 6; level++) {
                parent = onboarding.createTenant("Pg level " + level, parent).getId();
            }
            onboarding.grant(fixtures.userIdOf(legal), partner.getId(), MembershipRole.LEGAL_REPRESENTATIVE);
            onboarding.grant(fixtures.userIdOf(deepAdmin), parent, MembershipRole.TENANT_ADMINISTRATOR);
            onboarding.grant(fixtures.userIdOf(neighbour), other.getId(), MembershipRole.LEGAL_REPRESENTATIVE);
            return new long[] {partner.getId(), parent};
        });
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(deepAdmin))).isFalse();

        fixtures.as(legal, () -> policy.changeRequirement(ids[0], true));

        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(deepAdmin))).isTrue();
        assertThat(policy.requiredFor(callers.task("test"), fixtures.userIdOf(neighbour))).isFalse();
        SecondFactorRequirement deep = fixtures.as(deepAdmin, () -> policy.requirement(ids[1]));
        assertThat(deep.requiredBy()).isEqualTo("Pg partner " + tag);
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
