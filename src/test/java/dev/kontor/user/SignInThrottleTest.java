package dev.kontor.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(1), Duration.ofMinutes(30));

    @Test
    void the_first_failures_are_free() {
        assertThat(throttle.lockAfter(1)).isEmpty();
        assertThat(throttle.lockAfter(4)).isEmpty();
    }

    @Test
    void further_failures_lock_for_longer_each_time_up_to_a_limit() {
        assertThat(throttle.lockAfter(5)).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockAfter(6)).contains(Duration.ofMinutes(2));
        assertThat(throttle.lockAfter(8)).contains(Duration.ofMinutes(8));
        assertThat(throttle.lockAfter(12)).contains(Duration.ofMinutes(30));
        assertThat(throttle.lockAfter(1000)).contains(Duration.ofMinutes(30));
    }
}
