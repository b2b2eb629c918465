package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.postgres.PostgresTest;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The second factor's statements on PostgreSQL: a code's time step and a recovery code are each taken by one
 * statement, so of two requests at the same moment with the same code exactly one gets in; remembered browsers are
 * found by their hash until forgotten.
 */
@PostgresTest
class SecondFactorsOnPostgresTest {

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_same_code_sent_twice_at_once_signs_in_once() throws Exception {
        String email = fixtures.person("Race");
        long userId = fixtures.userIdOf(email);
        String secret = fixtures.as(email, () -> secondFactors.startSetUp().secret());
        List<String> recoveryCodes = fixtures.as(email,
                () -> secondFactors.finishSetUp(TotpCodes.now(secret, clock)));
        clock.advance(Duration.ofSeconds(30));
        String next = TotpCodes.now(secret, clock);

        assertThat(bothAtOnce(() -> secondFactors.checkAtSignIn(userId, email, next)))
                .containsExactlyInAnyOrder(SecondFactors.Check.AUTHENTICATOR, SecondFactors.Check.WRONG);
        assertThat(bothAtOnce(() -> secondFactors.checkAtSignIn(userId, email, recoveryCodes.getFirst())))
                .containsExactlyInAnyOrder(SecondFactors.Check.RECOVERY_CODE, SecondFactors.Check.WRONG);
        assertThat(jdbc.queryForObject("select count(*) from second_factor_recovery_code"
                + " where user_id = ? and used_at is null", Integer.class, userId)).isEqualTo(9);
    }

    @Test
    void a_remembered_browser_is_found_by_its_hash_until_forgotten() {
        String email = fixtures.person("Remember");
        long userId = fixtures.userIdOf(email);
        String cookie = secondFactors.rememberBrowser(userId);
        assertThat(secondFactors.remembers(userId, cookie)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from remembered_browser where token_hash = ?",
                Integer.class, cookie.substring(0, cookie.indexOf('.')))).isZero();

        fixtures.as(email, () -> secondFactors.forgetBrowsers());

        assertThat(secondFactors.remembers(userId, cookie)).isFalse();
    }

    private static List<SecondFactors.Check> bothAtOnce(Callable<SecondFactors.Check> attempt) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CountDownLatch start = new CountDownLatch(1);
            Callable<SecondFactors.Check> waiting = () -> {
                start.await();
                return attempt.call();
            };
            Future<SecondFactors.Check> first = threads.submit(waiting);
            Future<SecondFactors.Check> second = threads.submit(waiting);
            start.countDown();
            return List.of(first.get(), second.get());
        }
    }
}
