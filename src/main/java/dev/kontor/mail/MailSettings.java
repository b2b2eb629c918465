package dev.kontor.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is delivered: the sender's address, how many due mails the sender takes at a time, and the pause
 * after a failed attempt: {@code firstRetry}, twice as long after each further failure, never longer than
 * {@code longestRetry}. A mail is never given up on. (How often the sender looks, {@code kontor.mail.poll-interval},
 * is read by its schedule.)
 */
@ConfigurationProperties("kontor.mail")
record MailSettings(
        @DefaultValue("Kontor <no-reply@kontor.test>") String from,
        @DefaultValue("10") int batchSize,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration longestRetry) {

    MailSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("kontor.mail.batch-size must be at least 1");
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || longestRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException(
                    "kontor.mail.first-retry must be positive and kontor.mail.longest-retry at least as long");
        }
    }

    /** The pause before the next attempt, after {@code failedAttempts} failed attempts in all (1 or more). */
    Duration retryDelayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(longestRetry) > 0 ? longestRetry : delay;
    }
}
