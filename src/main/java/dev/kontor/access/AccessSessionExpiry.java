package dev.kontor.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the access sessions that nobody works in any more. A session idles out at the next call made in it; a session
 * whose tab was closed (or whose browser went away) makes no call again, and would stay open, unaudited, however long
 * ago it was last used. This ends each one once its idle time has passed, as the next call would have, audited on
 * both organizations with "timed out": the log says when the work in the account ended, within a check interval.
 */
@Component
class AccessSessionExpiry {

    private static final Logger log = LoggerFactory.getLogger(AccessSessionExpiry.class);

    private final AccessSessionRepository sessions;
    private final AccessSessions accessSessions;
    private final AccessSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AccessSessionExpiry(AccessSessionRepository sessions, AccessSessions accessSessions, AccessSettings settings,
                        TransactionTemplate transaction, Clock clock) {
        this.sessions = sessions;
        this.accessSessions = accessSessions;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${kontor.access.expiry-initial-delay:1m}",
            fixedDelayString = "${kontor.access.expiry-check-interval:1m}")
    @SchedulerLock(name = "access-session-expiry")
    void endIdleSessions() {
        LockAssert.assertLocked();
        int ended = endAllIdle();
        if (ended > 0) {
            log.info("{} idle access sessions ended", ended);
        }
    }

    /** Ends every open session idle for longer than the idle timeout, each in its own transaction; how many. */
    int endAllIdle() {
        Instant idleSince = clock.instant().minus(settings.idleTimeout());
        int ended = 0;
        for (long id : sessions.findOpenIdleSince(idleSince)) {
            try {
                Boolean done = transaction.execute(status -> sessions.findById(id)
                        .filter(session -> session.isOpen() && session.isIdleAt(clock.instant(),
                                settings.idleTimeout()))
                        .map(session -> {
                            accessSessions.end(session, AccessSession.EndReason.TIMED_OUT);
                            return true;
                        }).orElse(false));
                if (Boolean.TRUE.equals(done)) {
                    ended++;
                }
            } catch (OptimisticLockingFailureException usedMeanwhile) {
                // a call in the session or another node got to it first: it is in use again, or ended already
            }
        }
        return ended;
    }
}
