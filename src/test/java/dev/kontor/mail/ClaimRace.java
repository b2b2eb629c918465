package dev.kontor.mail;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two senders claim due mails at the same time: the first holds its claim (its transaction stays open) while the
 * second claims. Both roll back, so the race changes no row. Run on H2 and on PostgreSQL by the tests that use it.
 */
final class ClaimRace {

    /** The mails each sender claimed, three at most each. */
    record Claims(Set<Long> first, Set<Long> second) {
    }

    private final MailOutbox outbox;
    private final OutgoingMailRepository mails;
    private final TransactionTemplate transaction;

    ClaimRace(MailOutbox outbox, OutgoingMailRepository mails, TransactionTemplate transaction) {
        this.outbox = outbox;
        this.mails = mails;
        this.transaction = transaction;
    }

    /** Adds six due mails (other tests may have left more), then lets two senders claim three each at once. */
    Claims run() throws Exception {
        String run = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> IntStream.range(0, 6).forEach(i -> outbox.enqueue(
                new MailMessage("race:" + run + ":" + i, "anna@sonnenschein.test", "Mail " + i, "Body " + i))));
        Instant later = Instant.now().plusSeconds(60);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            return race(later, senders);
        } finally {
            senders.shutdownNow();
        }
    }

    private Claims race(Instant now, ExecutorService senders) throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<Set<Long>> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            status.setRollbackOnly();
            Set<Long> ids = claim(now);
            firstClaimed.countDown();
            await(secondDone);
            return ids;
        }), senders);
        await(firstClaimed);
        // the first transaction still holds its rows: the second must skip them, not wait for them (a wait would
        // end in the timeout below)
        Set<Long> second = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            status.setRollbackOnly();
            return claim(now);
        }), senders).get(30, TimeUnit.SECONDS);
        secondDone.countDown();
        return new Claims(first.get(30, TimeUnit.SECONDS), second);
    }

    private Set<Long> claim(Instant now) {
        List<OutgoingMail> claimed = mails.claimDue(now, Limit.of(3));
        return claimed.stream().map(OutgoingMail::getId).collect(Collectors.toSet());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The other claim did not come");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
