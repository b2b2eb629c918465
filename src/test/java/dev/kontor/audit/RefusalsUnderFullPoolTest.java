package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.account.AccountService;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A signed-in person can send many refused calls at once (a script against another account's page). Each refusal is
 * audited so that the entry survives the refused call's rollback, while that call's transaction still holds its
 * connection: written through the pool that call holds, as many racing refusals as the pool has connections each
 * waited for a second one and stalled every request of the node until the pool's timeout. Here the pool has two
 * connections, and eight refused calls race for them.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000"})
class RefusalsUnderFullPoolTest {

    private static final int RACERS = 8;
    private static final int ROUNDS = 5;

    @Autowired
    AccountService accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void racing_refused_calls_of_signed_in_people_are_all_refused_and_all_audited() throws Exception {
        raceRefusals(fixtures, accounts, jdbc);
    }

    /** Eight people's worth of refused calls at once; each refused, each audited. */
    static void raceRefusals(Fixtures fixtures, AccountService accounts, JdbcClient jdbc) throws Exception {
        Fixtures.TestAccount mine = fixtures.account("Racer");
        Fixtures.TestAccount theirs = fixtures.account("Target");
        CustomerNumber target = new CustomerNumber(theirs.customerNumber());

        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        assertThatThrownBy(() -> fixtures.as(mine.email("Racer"), () -> accounts.details(target)))
                                .isInstanceOf(AccessRefused.class);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE outcome = 'DENIED' AND actor_user_id = ?")
                .param(mine.userId("Racer")).query(Long.class).single())
                .as("every refusal audited, none lost").isEqualTo((long) RACERS * ROUNDS);
    }
}
