package dev.kontor.notice;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.contact.ContactRecipient;
import dev.kontor.contact.ContactRecipients;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails queued notices in the background, one batch of recipients per transaction: it locks the notice, reads the
 * next distinct contact addresses after its cursor, writes a delivery record and an outbox mail for each, and moves
 * the cursor on, all or nothing. So a notice to 50,000 contacts never holds more than one batch in memory, a
 * restart resumes at the cursor, and nobody is mailed twice. Two workers (or application instances) never work on
 * the same notice at once: a locked notice is skipped.
 */
@Component
class NoticeFanOut {

    static final String NOTICE_FAN_OUT_FINISHED = "NOTICE_FAN_OUT_FINISHED";
    static final String NOTICE_FAN_OUT_FAILED = "NOTICE_FAN_OUT_FAILED";
    private static final Logger log = LoggerFactory.getLogger(NoticeFanOut.class);

    private final PlatformNoticeRepository notices;
    private final ContactRecipients recipients;
    private final NoticeDeliveries deliveries;
    private final NoticeMails mails;
    private final MailOutbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate inTransaction;
    private final int batchSize;
    private final Duration slice;
    /** The fan-out is the application's own work: it reads every recipient, whoever queued the notice. */
    private final Caller.Task task;

    NoticeFanOut(PlatformNoticeRepository notices, ContactRecipients recipients, NoticeDeliveries deliveries,
                 NoticeMails mails, MailOutbox outbox, AuditLog auditLog, Clock clock,
                 PlatformTransactionManager transactions,
                 @Value("${kontor.notice.batch-size:500}") int batchSize,
                 @Value("${kontor.notice.slice:10s}") Duration slice, Callers callers) {
        this.task = callers.task("notice-fan-out");
        this.notices = notices;
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.mails = mails;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.inTransaction = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
        this.slice = slice;
    }

    @Scheduled(fixedDelayString = "${kontor.notice.poll-interval:2s}",
            initialDelayString = "${kontor.notice.initial-delay:5s}")
    @SchedulerLock(name = "notice-fan-out")
    void work() {
        LockAssert.assertLocked();
        notices.findDue(clock.instant()).forEach(id -> drain(id, slice));
    }

    /**
     * Works on one notice for a while (so that others get their turn), batch after batch. A failed batch is rolled
     * back whole; the notice then waits for its next try, longer after each failure in a row.
     */
    void drain(long noticeId, Duration forAtMost) {
        Instant until = Instant.now().plus(forAtMost);
        try {
            boolean more;
            do {
                more = Boolean.TRUE.equals(inTransaction.execute(status -> nextBatch(noticeId)));
            } while (more && Instant.now().isBefore(until));
        } catch (RuntimeException failure) {
            log.error("Platform notice {}: a batch failed", noticeId, failure);
            recordFailure(noticeId, failure);
        }
    }

    /** Notes the failure on the notice, in a transaction of its own, and audits it for the provider. */
    private void recordFailure(long noticeId, RuntimeException failure) {
        try {
            inTransaction.executeWithoutResult(status -> notices.claim(noticeId).ifPresent(notice -> {
                Instant retryAt = notice.failed(clock.instant());
                auditLog.record(AuditEntry.failed(NOTICE_FAN_OUT_FAILED, notice.getProviderId(),
                        AuditSummary.of("notice-batch-failed", notice.getSubject(), notice.getFailedAttempts(),
                                failure.getClass().getSimpleName(), retryAt)));
                log.warn("Platform notice {}: {} failed batch(es) in a row, next try at {}", noticeId,
                        notice.getFailedAttempts(), retryAt);
            }));
        } catch (RuntimeException alsoFailing) {
            // the database itself is away: the next poll tries the batch again
            log.error("Platform notice {}: the failure could not be recorded either", noticeId, alsoFailing);
        }
    }

    /** Mails one batch; returns whether there may be more (false when done, or when another worker has it). */
    boolean nextBatch(long noticeId) {
        PlatformNotice notice = notices.claim(noticeId).filter(n -> n.getState() != NoticeState.SENT).orElse(null);
        if (notice == null) {
            return false;
        }
        List<Long> roots = notice.isAudienceAll() ? List.of(notice.getProviderId())
                : List.copyOf(notice.getTargets());
        List<ContactRecipient> batch = recipients.after(task, notice.getKind(), roots, notice.getCursorEmail(),
                batchSize);
        Instant now = clock.instant();
        if (batch.isEmpty()) {
            notice.finish(now);
            auditLog.record(AuditEntry.success(NOTICE_FAN_OUT_FINISHED, notice.getProviderId(),
                    notice.getSkippedCount() > 0
                            ? AuditSummary.of("notice-mailed-some-skipped", notice.getSubject(),
                                    notice.getSentCount(),
                                    notice.getSkippedCount())
                            : AuditSummary.of("notice-mailed", notice.getSubject(), notice.getSentCount())));
            log.info("Platform notice {} mailed to {} recipient(s) ({} skipped), queued {} ago", noticeId,
                    notice.getSentCount(), notice.getSkippedCount(),
                    Duration.between(notice.getCreatedAt(), now).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            return false;
        }
        List<MailMessage> messages = new ArrayList<>(batch.size());
        List<NoticeDeliveries.Delivery> records = new ArrayList<>(batch.size());
        int skipped = 0;
        for (ContactRecipient recipient : batch) {
            try {
                MailMessage message = mails.to(notice, recipient);
                messages.add(message);
                records.add(new NoticeDeliveries.Delivery(recipient.email(), message.idempotencyKey()));
            } catch (IllegalArgumentException unusable) {
                // an address the mail system cannot take (the contact form checks them, so this is rare)
                skipped++;
                log.warn("Platform notice {}: address skipped: {}", noticeId, unusable.getMessage());
            }
        }
        deliveries.record(noticeId, records, now);
        outbox.enqueueAll(messages);
        notice.advance(batch.getLast().email(), messages.size(), skipped);
        return true;
    }
}
