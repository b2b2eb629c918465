package dev.kontor.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in slows down guessing (see {@link SignInThrottle}).
 *
 * @param freeAttempts       failed attempts for one account from one client address before delays begin
 * @param firstDelay         the first delay; each further failure doubles it
 * @param longestDelay       the longest delay, kept short so that nobody is kept out for long
 * @param addressAttempts    failed attempts one client address may make at once, whatever the accounts
 * @param addressRefill      how often a client address gets one attempt back
 * @param accountAttempts    failed attempts on one account from all addresses together before they are slowed
 * @param accountRefill      how often an account gets one attempt back
 * @param unlockValidity     how long an unlock link works
 * @param unlockMailInterval the least time between two unlock mails to one person
 * @param familiarFor        how long an address the account signed in from stays exempt from the per-account limit
 */
@ConfigurationProperties("kontor.sign-in")
public record SignInLimits(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("2s") Duration firstDelay,
        @DefaultValue("1m") Duration longestDelay,
        @DefaultValue("10") int addressAttempts,
        @DefaultValue("1m") Duration addressRefill,
        @DefaultValue("30") int accountAttempts,
        @DefaultValue("1m") Duration accountRefill,
        @DefaultValue("1h") Duration unlockValidity,
        @DefaultValue("15m") Duration unlockMailInterval,
        @DefaultValue("30d") Duration familiarFor) {

    public SignInLimits {
        if (freeAttempts < 1 || addressAttempts < 1 || accountAttempts < 1) {
            throw new IllegalArgumentException("kontor.sign-in: attempts must be at least 1");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || longestDelay.compareTo(firstDelay) < 0
                || addressRefill.isNegative() || addressRefill.isZero()
                || accountRefill.isNegative() || accountRefill.isZero()) {
            throw new IllegalArgumentException("kontor.sign-in: delays and refill periods must be positive, "
                    + "and the longest delay at least the first");
        }
    }

    /** The wait after this many consecutive failures for one account from one address, if any. */
    Optional<Duration> delayAfter(int consecutiveFailures) {
        if (consecutiveFailures < freeAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(consecutiveFailures - freeAttempts, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(longestDelay) > 0 ? longestDelay : delay);
    }
}
