package dev.kontor.audit;

import dev.kontor.account.AccountService;
import dev.kontor.postgres.PostgresTest;
import dev.kontor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** {@link RefusalsUnderFullPoolTest} on PostgreSQL, whose pool and driver production uses. */
@PostgresTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000"})
class RefusalsUnderFullPoolOnPostgresTest {

    @Autowired
    AccountService accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void racing_refused_calls_of_signed_in_people_are_all_refused_and_all_audited() throws Exception {
        RefusalsUnderFullPoolTest.raceRefusals(fixtures, accounts, jdbc);
    }
}
