package dev.kontor.notice;

import dev.kontor.contact.ContactType;
import java.time.Instant;

/**
 * A notice as the list of recent notices shows it.
 *
 * @param audienceLabel the chosen organizations as named when sending; {@code null} for all organizations
 * @param total         the recipients counted when it was sent (exact once it is SENT)
 * @param sent          the recipients mailed so far
 */
public record NoticeStatus(long id, ContactType kind, String subject, String audienceLabel, NoticeState state,
                           int total, int sent, Instant createdAt, Instant finishedAt) {

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
