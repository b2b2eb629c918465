package dev.kontor.organization;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who has no second factor, and whether sign-in must ask for one, cost the same number of statements for a few
 * members or organizations as for many: no statement per member, none per organization.
 */
@IntegrationTest
class SecondFactorQueryCountTest {

    @Autowired
    SecondFactorPolicy policy;

    @Autowired
    dev.kontor.user.Callers callers;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_members_without_a_second_factor_take_as_many_statements_for_twelve_managers_as_for_one() {
        var small = fixtures.account("Alice");
        var large = fixtures.account("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12");
        for (String name : new String[] {"A2", "A5", "A9"}) {
            jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) "
                    + "values (?, 'sealed', ?, ?)", large.userId(name), Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
        }

        long forSmall = sectionStatements(small.email("Alice"), small.id());
        long forLarge = sectionStatements(large.email("A1"), large.id());

        assertThat(forSmall).isEqualTo(forLarge);
        assertThat(fixtures.as(large.email("A1"), () -> policy.withoutSecondFactor(large.id()))).hasSize(9);
    }

    @Test
    void whether_sign_in_must_ask_takes_two_statements_however_many_and_deep_the_organizations() {
        String few = fixtures.managerOfMany(1, id -> { });
        String many = fixtures.managerOfMany(30, id -> { });
        long parent = onboarding.createCustomer(TestTasks.setUp(), "Deep", onboarding.createProvider(TestTasks.setUp(),
                "Deep provider").getId())
                .getId();
        onboarding.createTenant(TestTasks.setUp(), "Never", parent);
        for (int level = 0; level < 8; level++) {
            parent = onboarding.createTenant(TestTasks.setUp(), "Level " + level, parent).getId();
        }
        long deep = parent;
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(many), deep, MembershipRole.TENANT_ADMINISTRATOR);

        assertThat(requiredForStatements(few)).isEqualTo(requiredForStatements(many)).isLessThanOrEqualTo(2);
    }

    private long sectionStatements(String manager, long organizationId) {
        return fixtures.as(manager, () -> {
            SqlStatements.reset();
            policy.requirement(organizationId);
            policy.withoutSecondFactor(organizationId);
            return SqlStatements.count();
        });
    }

    private long requiredForStatements(String email) {
        long userId = fixtures.userIdOf(email);
        SqlStatements.reset();
        policy.requiredFor(callers.task("test"), userId);
        return SqlStatements.count();
    }
}
