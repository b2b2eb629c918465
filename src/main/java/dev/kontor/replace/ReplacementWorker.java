package dev.kontor.replace;

import dev.kontor.base.KontorException;
import dev.kontor.user.Callers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies running replacements in the background, one ticked place per transaction: the transaction claims the
 * replacement's row (a row another worker or node holds is skipped, not waited for), reads the next place after the
 * cursor, applies it as the person who started the replacement and records the result with the cursor. A node that
 * dies mid-place leaves that place to the next run on any node; nothing is applied twice, and no place is held in
 * memory beyond the one being applied.
 */
@Component
class ReplacementWorker {

    private static final Logger log = LoggerFactory.getLogger(ReplacementWorker.class);

    private final ReplacementStore store;
    private final ReplacementSteps steps;
    private final UserDetailsService people;
    private final Clock clock;
    private final TransactionTemplate inTransaction;
    private final Duration slice;
    private final Callers callers;

    ReplacementWorker(ReplacementStore store, ReplacementSteps steps, UserDetailsService people, Clock clock,
                      PlatformTransactionManager transactions,
                      @Value("${kontor.replace.slice:5s}") Duration slice, Callers callers) {
        this.callers = callers;
        this.store = store;
        this.steps = steps;
        this.people = people;
        this.clock = clock;
        this.inTransaction = new TransactionTemplate(transactions);
        this.slice = slice;
    }

    @Scheduled(fixedDelayString = "${kontor.replace.poll-interval:1s}")
    @SchedulerLock(name = "person-replacement")
    void work() {
        LockAssert.assertLocked();
        store.running().forEach(this::runFor);
    }

    /** Works on one replacement for a while (so that others get their turn), place after place. */
    void runFor(long replacementId) {
        Instant until = Instant.now().plus(slice);
        while (Instant.now().isBefore(until) && step(replacementId)) {
            // one place per transaction, until done or the slice is over
        }
    }

    /** Applies the next ticked place; false when there is none (finished) or another worker holds the replacement. */
    boolean step(long replacementId) {
        Optional<ReplacementStore.Header> header = store.header(replacementId)
                .filter(h -> "RUNNING".equals(h.state()));
        if (header.isEmpty()) {
            return false;
        }
        Optional<UserDetails> actor = store.emailOfUser(header.get().actorUserId()).flatMap(this::person);
        try {
            Boolean more = inTransaction.execute(status -> store.claim(replacementId).map(claimed -> {
                Optional<ReplacementStore.Work> next = store.next(replacementId, claimed.cursorId());
                if (next.isEmpty()) {
                    store.finish(replacementId, clock.instant());
                    return false;
                }
                if (actor.isEmpty()) {
                    store.record(replacementId, next.get().id(), ReplacementItem.Result.REFUSED,
                            "error.access-refused");
                    return true;
                }
                callers.actingAs(actor.get(), () -> steps.apply(replacementId, next.get(), successor(claimed),
                        language(claimed)));
                store.record(replacementId, next.get().id(), ReplacementItem.Result.DONE, null);
                return true;
            }).orElse(false));
            return Boolean.TRUE.equals(more);
        } catch (KontorException refused) {
            return refuse(replacementId, refused instanceof dev.kontor.base.StaleData ? "replace.changed-meanwhile"
                    // the right is checked anew: it may have ended, or have come from an access session, which is
                    // bound to the browser tab that started the job and never reaches the background
                    : refused instanceof dev.kontor.base.AccessRefused ? "replace.no-right-now"
                    : refused.messageKey());
        } catch (ConcurrencyFailureException meanwhile) {
            return refuse(replacementId, "replace.changed-meanwhile");
        } catch (RuntimeException failure) {
            log.error("Replacement {}: a place failed", replacementId, failure);
            return refuse(replacementId, "replace.failed");
        }
    }

    /** Records the refusal of the next place in a transaction of its own, the change itself having been rolled back. */
    private boolean refuse(long replacementId, String message) {
        return Boolean.TRUE.equals(inTransaction.execute(status -> store.claim(replacementId).map(claimed -> {
            store.next(replacementId, claimed.cursorId()).ifPresent(next ->
                    store.record(replacementId, next.id(), ReplacementItem.Result.REFUSED, message));
            return true;
        }).orElse(false)));
    }

    private Optional<UserDetails> person(String email) {
        try {
            return Optional.of(people.loadUserByUsername(email)).filter(UserDetails::isEnabled);
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
    }

    private ReplacementSteps.Successor successor(ReplacementStore.Header header) {
        return header.successorEmail() == null ? null : new ReplacementSteps.Successor(header.successorEmail(),
                store.userIdOf(header.successorEmail()).orElse(null));
    }

    private Locale language(ReplacementStore.Header header) {
        return store.language(header.actorUserId()).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }
}
