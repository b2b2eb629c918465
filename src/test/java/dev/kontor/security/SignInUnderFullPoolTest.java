package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Anyone can send refused sign-ins and forged unlock links, many at once. Each must get by with one database
 * connection at a time: a refusal that held one while its audit entry waited for a second let as many racing
 * refusals as the pool has connections stall every request of the node until the pool's timeout (the load test's
 * first 1,000-user run). Here the pool has two connections, and eight refusals race for them.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000"})
class SignInUnderFullPoolTest {

    private static final int RACERS = 8;
    private static final SignInThrottle.Refusal REFUSAL =
            new SignInThrottle.Refusal(SignInThrottle.Limit.ADDRESS, Duration.ofMinutes(1));

    @Autowired
    SignInUnlocks unlocks;

    @Autowired
    Fixtures fixtures;

    @Test
    void racing_refused_sign_ins_never_wait_for_a_second_connection() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            people.add(fixtures.person("Pool" + i));
        }
        race(i -> unlocks.refused(i % 2 == 0 ? people.get(i) : "nobody-" + i + "@pool.test", REFUSAL));
    }

    @Test
    void racing_forged_unlock_links_never_wait_for_a_second_connection() throws Exception {
        race(i -> assertThat(unlocks.unlock("A".repeat(42) + i, "192.0.2." + i).succeeded()).isFalse());
    }

    private void race(java.util.function.IntConsumer attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        attempt.accept(racer);
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
    }
}
