package dev.kontor.notice;

import dev.kontor.contact.ContactType;
import java.time.Instant;

/**
 * A notice as the list of recent notices shows it.
 *
 * @param audienceLabel the chosen organizations as named when sending; {@code null} for all organizations
 * @param total         the recipients counted when it was sent (exact once it is SENT)
 * @param sent          the recipients mailed so far
 * @param failedAttempts batches that failed in a row since the last one that went through
 * @param retryAt       when the fan-out tries again after a failed batch; {@code null} when none failed
 */
public record NoticeStatus(long id, ContactType kind, String subject, String audienceLabel, NoticeState state,
                           int total, int sent, Instant createdAt, Instant finishedAt, int failedAttempts,
                           Instant retryAt) {

    /** The last batch failed: the notice waits for its next try. */
    public boolean stalled() {
        return failedAttempts > 0;
    }

    public boolean forAll() {
        return audienceLabel == null;
    }

    public boolean finished() {
        return state == NoticeState.SENT;
    }

    /** Between 0 and 1, for a progress bar. */
    public double fraction() {
        if (state == NoticeState.SENT) {
            return 1;
        }
        return total == 0 ? 0 : Math.min(1, (double) sent / total);
    }
}
