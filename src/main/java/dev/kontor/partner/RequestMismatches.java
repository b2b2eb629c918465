package dev.kontor.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a partner's relationship requests whose customer number and address matched no account. The request form
 * says "no account matches" by design (knowing both is the proof of acquaintance), so the answer itself is an
 * oracle: a partner may ask wrongly only so often a day, and then its requests pause, matching or not, so that a
 * script that guesses addresses learns nothing more (not even from a right guess) until the day has passed.
 */
@Component
class RequestMismatches {

    private final JdbcClient jdbc;
    private final PartnerSettings settings;
    private final Clock clock;

    RequestMismatches(JdbcClient jdbc, PartnerSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one mismatch, in the caller's transaction: it holds the partner's lock from before {@link #pausedUntil}
     * until it commits (also when the attempt is refused), so that racing requests cannot all read the count before
     * any adds to it. Not a transaction of its own: with requests queueing on the lock, each holding a connection, a
     * second one here could wait for a pool they have emptied. Rows older than the window go at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long partnerId) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM partner_request_mismatch WHERE partner_id = :partner AND occurred_at <= :cutoff")
                .param("partner", partnerId).param("cutoff", utc(now.minus(settings.requestMismatchWindow())))
                .update();
        jdbc.sql("INSERT INTO partner_request_mismatch (partner_id, occurred_at) VALUES (:partner, :now)")
                .param("partner", partnerId).param("now", utc(now)).update();
    }

    /**
     * When the partner may ask again, if its mismatches within the window have reached the limit: the moment the
     * oldest of the last {@code limit} mismatches leaves the window. One statement on the (partner, time) index.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Instant> pausedUntil(long partnerId) {
        int limit = settings.requestMismatchLimit();
        Instant now = clock.instant();
        List<Instant> latest = jdbc.sql("""
                        SELECT occurred_at FROM partner_request_mismatch
                        WHERE partner_id = :partner AND occurred_at > :cutoff
                        ORDER BY occurred_at DESC LIMIT :limit""")
                .param("partner", partnerId).param("cutoff", utc(now.minus(settings.requestMismatchWindow())))
                .param("limit", limit)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
        if (latest.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(latest.get(limit - 1).plus(settings.requestMismatchWindow()));
    }

    /** PostgreSQL's driver binds no Instant; an offset date-time in UTC it binds as timestamptz, as H2 does. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
