package dev.kontor.base.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications on the channel that are no change of Kontor's. Any database session may NOTIFY on it, so junk can come
 * in floods and be large (up to 8 kB each): the log gets the first characters of one, made printable, and at most one
 * line a minute, which counts the ones it did not show.
 */
final class MalformedChanges {

    static final int SHOWN_CHARACTERS = 100;
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MalformedChanges.class);

    private final Supplier<Instant> clock;
    private Instant lastLogged;
    private long notLogged;

    MalformedChanges(Supplier<Instant> clock) {
        this.clock = clock;
    }

    synchronized void ignored(String payload) {
        Instant now = clock.get();
        if (lastLogged != null && now.isBefore(lastLogged.plus(QUIET))) {
            notLogged++;
            return;
        }
        log.warn("Ignored a malformed change on {} ({} characters, begins \"{}\"); {} more ignored since the last"
                + " such warning", PostgresBroadcast.CHANNEL, payload.length(), shown(payload), notLogged);
        lastLogged = now;
        notLogged = 0;
    }

    private static String shown(String payload) {
        String start = payload.length() > SHOWN_CHARACTERS ? payload.substring(0, SHOWN_CHARACTERS) : payload;
        // a payload's line breaks must not forge lines of the log
        return start.replaceAll("\\p{Cntrl}", "?");
    }
}
