package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.security.SignInThrottle.Limit;
import dev.kontor.security.SignInThrottle.Refusal;
import dev.kontor.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on its own, with the default limits and a clock the test moves. */
class SignInThrottleTest {

    private final SignInLimits limits = new SignInLimits(5, Duration.ofSeconds(2), Duration.ofMinutes(1), 10,
            Duration.ofMinutes(1), 30, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(15),
            Duration.ofDays(30));
    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(limits, clock);

    @Test
    void the_first_failures_are_free_then_the_wait_doubles_up_to_a_minute() {
        assertThat(limits.delayAfter(1)).isEmpty();
        assertThat(limits.delayAfter(4)).isEmpty();
        assertThat(limits.delayAfter(5)).contains(Duration.ofSeconds(2));
        assertThat(limits.delayAfter(6)).contains(Duration.ofSeconds(4));
        assertThat(limits.delayAfter(9)).contains(Duration.ofSeconds(32));
        assertThat(limits.delayAfter(10)).contains(Duration.ofMinutes(1));
        assertThat(limits.delayAfter(1000)).contains(Duration.ofMinutes(1));
    }

    @Test
    void a_refused_attempt_does_not_lengthen_the_wait() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit("a@example.test", "192.0.2.1", false)).isEmpty();
            throttle.failed("a@example.test", "192.0.2.1");
        }
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.admit("a@example.test", "192.0.2.1", false))
                    .contains(new Refusal(Limit.ACCOUNT_AT_ADDRESS, Duration.ofSeconds(2)));
        }
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.admit("a@example.test", "192.0.2.1", false)).isEmpty();
    }

    @Test
    void successful_sign_ins_give_their_tokens_back_so_an_office_behind_one_address_is_not_slowed() {
        for (int i = 0; i < 50; i++) {
            String person = "person" + i + "@example.test";
            assertThat(throttle.admit(person, "198.51.100.7", false)).isEmpty();
            throttle.succeeded(person, "198.51.100.7", false);
        }
    }

    @Test
    void a_client_address_has_ten_failures_then_one_a_minute() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admit("guess" + i + "@example.test", "203.0.113.9", false)).isEmpty();
            throttle.failed("guess" + i + "@example.test", "203.0.113.9");
        }
        Optional<Refusal> refused = throttle.admit("next@example.test", "203.0.113.9", false);
        assertThat(refused).hasValueSatisfying(refusal -> {
            assertThat(refusal.limit()).isEqualTo(Limit.ADDRESS);
            assertThat(refusal.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
        });
        // an unlocked browser is exempt from the address limit
        assertThat(throttle.admit("next@example.test", "203.0.113.9", true)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.admit("next@example.test", "203.0.113.9", false)).isEmpty();
        assertThat(throttle.admit("other@example.test", "203.0.113.9", false)).isPresent();
    }

    @Test
    void ipv6_clients_are_counted_by_their_64_bit_network() {
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:ffff:ffff:ffff:fffe"))
                .isEqualTo(SignInThrottle.addressKey("[2001:0db8:0001:0002::7]"))
                .isNotEqualTo(SignInThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(SignInThrottle.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.addressKey(null)).isEqualTo("unknown");
        assertThat(SignInThrottle.addressKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void idle_state_is_forgotten() {
        throttle.admit("idle@example.test", "192.0.2.50", false);
        throttle.failed("idle@example.test", "192.0.2.50");
        clock.advance(Duration.ofHours(2));
        throttle.forgetIdleState();
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.admit("idle@example.test", "192.0.2.50", false)).isEmpty();
            throttle.failed("idle@example.test", "192.0.2.50");
        }
        // the failure two hours ago no longer counts: four new ones are still free
        assertThat(throttle.admit("idle@example.test", "192.0.2.50", false)).isEmpty();
    }
}
