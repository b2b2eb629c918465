package dev.kontor.account;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks each account's contact person, once per confirmation interval, whether the contact data is still correct.
 * Works through the due accounts in small batches, each in its own transaction, so that a large platform is never
 * loaded at once and one failure does not undo the rest. A batch claims its accounts with row locks that other
 * reminders skip, so that with several nodes every contact person is asked once; a node that dies mid-batch loses
 * its transaction and its locks, and the accounts are due again for the next run on any node.
 */
@Component
class ContactConfirmationReminder {

    static final String CONFIRMATION_REQUESTED = "CONFIRMATION_REQUESTED";
    private static final Logger log = LoggerFactory.getLogger(ContactConfirmationReminder.class);

    private final CustomerAccountRepository accounts;
    private final AccountMails mails;
    private final AuditLog auditLog;
    private final AccountSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;

    ContactConfirmationReminder(CustomerAccountRepository accounts, AccountMails mails, AuditLog auditLog,
                                AccountSettings settings, TransactionTemplate transaction, Clock clock,
                                @Value("${kontor.account.reminder-batch-size:100}") int batchSize) {
        this.accounts = accounts;
        this.mails = mails;
        this.auditLog = auditLog;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(initialDelayString = "${kontor.account.reminder-initial-delay:1m}",
            fixedDelayString = "${kontor.account.reminder-check-interval:1h}")
    @SchedulerLock(name = "contact-confirmation-reminder")
    void remindDueAccounts() {
        LockAssert.assertLocked();
        int reminded = sendReminders();
        if (reminded > 0) {
            log.info("Asked {} to confirm their contact data", reminded == 1 ? "1 contact person"
                    : reminded + " contact persons");
        }
    }

    /** Sends every due reminder; returns how many were sent. */
    int sendReminders() {
        int total = 0;
        while (true) {
            Integer sent = transaction.execute(status -> remindBatch());
            if (sent == null || sent == 0) {
                return total;
            }
            total += sent;
        }
    }

    private int remindBatch() {
        Instant now = clock.instant();
        List<Long> claimed = accounts.claimDueForConfirmation(now.minus(settings.confirmationInterval()),
                Limit.of(batchSize)).stream().map(CustomerAccount::getOrganizationId).toList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<DueReminder> due = accounts.findReminders(claimed);
        for (DueReminder reminder : due) {
            mails.confirmationRequest(reminder.account(), reminder.contactEmail(), reminder.contactName(),
                    reminder.language(), now);
            auditLog.record(AuditEntry.success(CONFIRMATION_REQUESTED, reminder.accountId(),
                    AuditSummary.of("account-confirmation-requested")));
        }
        accounts.markConfirmationRequested(claimed, now);
        return claimed.size();
    }
}
