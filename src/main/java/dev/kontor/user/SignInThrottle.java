package dev.kontor.user;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins slow an account down: from the {@code freeAttempts}-th consecutive failure on, each further
 * failure locks the account, first for {@code firstLock}, then twice as long each time, never longer than
 * {@code longestLock}. A successful sign-in resets the count.
 */
@ConfigurationProperties("kontor.sign-in")
public record SignInThrottle(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("1m") Duration firstLock,
        @DefaultValue("30m") Duration longestLock) {

    Optional<Duration> lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < freeAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(consecutiveFailures - freeAttempts, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return Optional.of(lock.compareTo(longestLock) > 0 ? longestLock : lock);
    }
}
