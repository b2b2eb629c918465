package dev.kontor.security;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccountService;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * An unknown address, a person without a password (invited) and a wrong password each cost exactly one bcrypt
 * comparison, so the time a refusal takes tells nothing about the account. Asserted by counting the encoder's
 * comparisons; the mean times are printed for the record, not asserted, since the machine's load varies.
 */
@IntegrationTest
class SignInTimingTest {

    private static final int TRIES = 8;
    private static final AtomicInteger HOSTS = new AtomicInteger(1);

    @Autowired
    KontorUserDetailsService people;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    SignInUnlocks unlocks;

    @Autowired
    Clock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccountService users;

    @Test
    void unknown_invited_and_known_accounts_each_cost_one_password_comparison_per_failed_attempt() {
        CountingEncoder encoder = new CountingEncoder(passwordEncoder);
        ThrottledSignIn signIn = new ThrottledSignIn(people, encoder, throttle, unlocks, clock);
        String known = fixtures.person("Timed");
        String invited = "invited-" + UUID.randomUUID() + "@example.test";
        users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(invited), "Invited Person", null);
        String unknown = "unknown-" + UUID.randomUUID() + "@example.test";
        signInFails(signIn, unknown); // warms up the encoder's own stand-in for unknown addresses

        double knownMillis = meanMillis(signIn, encoder, known);
        double invitedMillis = meanMillis(signIn, encoder, invited);
        double unknownMillis = meanMillis(signIn, encoder, unknown);

        System.out.printf("Mean time of a failed sign-in over %d tries: wrong password %.1f ms, invited without "
                + "password %.1f ms, unknown address %.1f ms%n", TRIES, knownMillis, invitedMillis, unknownMillis);
        // the stand-in hash of a person without a password costs as much as a real one
        String standIn = people.loadUserByUsername(invited).getPassword();
        String real = people.loadUserByUsername(known).getPassword();
        assertThat(standIn.substring(0, "{bcrypt}$2a$10$".length()))
                .isEqualTo(real.substring(0, "{bcrypt}$2a$10$".length()));
    }

    private double meanMillis(ThrottledSignIn signIn, CountingEncoder encoder, String email) {
        int before = encoder.comparisons.get();
        long started = System.nanoTime();
        for (int i = 0; i < TRIES; i++) {
            signInFails(signIn, email);
        }
        long elapsed = System.nanoTime() - started;
        assertThat(encoder.comparisons.get() - before).as("password comparisons for " + email).isEqualTo(TRIES);
        return elapsed / 1_000_000.0 / TRIES;
    }

    /** Each try from an address of its own, so that no throttle skips the comparison. */
    private static void signInFails(ThrottledSignIn signIn, String email) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email,
                "not the password");
        attempt.setDetails(new WebAuthenticationDetails("10.30.0." + HOSTS.getAndIncrement(), null));
        assertThatThrownBy(() -> signIn.authenticate(attempt)).isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(ThrottledSignIn.SignInThrottled.class);
    }

    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder real;
        private final AtomicInteger comparisons = new AtomicInteger();

        CountingEncoder(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            comparisons.incrementAndGet();
            return real.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return real.upgradeEncoding(encodedPassword);
        }
    }
}
