package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.postgres.PostgresTest;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Unlock links on PostgreSQL: the mail interval query, the row lock on use, and only the token's hash stored. */
@PostgresTest
class SignInUnlocksOnPostgresTest {

    private static final Pattern UNLOCK_LINK = Pattern.compile("/sign-in/unlock/([A-Za-z0-9_-]{43})");
    private static final SignInThrottle.Refusal REFUSAL =
            new SignInThrottle.Refusal(SignInThrottle.Limit.ACCOUNT, Duration.ofMinutes(1));

    @Autowired
    SignInUnlocks unlocks;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void one_mail_per_interval_a_hash_only_and_a_link_that_works_once() {
        String email = fixtures.person("Postgres");
        unlocks.refused(email, REFUSAL);
        unlocks.refused(email, REFUSAL);
        assertThat(outbox.to(email)).hasSize(1);
        Matcher link = UNLOCK_LINK.matcher(outbox.to(email).getFirst().body());
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_unlock where token_hash = ?", Integer.class,
                token)).isZero();

        assertThat(unlocks.unlock(token, "192.0.2.1").succeeded()).isTrue();
        assertThat(unlocks.unlock(token, "192.0.2.1").state()).isEqualTo(UnlockState.USED);

        clock.advance(Duration.ofMinutes(16));
        unlocks.refused(email, REFUSAL);
        assertThat(outbox.to(email)).hasSize(2);
    }
}
