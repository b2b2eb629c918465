package dev.kontor.tenant;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.organization.OrganizationAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * Does the copying of running Copy content runs, one batch of targets per transaction. A batch locks its run (a run
 * another worker holds is skipped) and reads the cursor under that lock, so two application instances never copy the
 * same batch; a run interrupted by a restart, or by a node that died, goes on from its committed cursor.
 */
@Component
class ContentCopyWorker {

    static final String CONTENT_COPY_FINISHED = "CONTENT_COPY_FINISHED";
    private static final Logger log = LoggerFactory.getLogger(ContentCopyWorker.class);

    private final ContentCopyRepository copies;
    private final dev.kontor.contact.ContactCopier contacts;
    private final TenantRepository tenants;
    private final TenantTreeQueries tree;
    private final OrganizationAccess access;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate inTransaction;
    private final int batchSize;
    private final Duration slice;

    ContentCopyWorker(ContentCopyRepository copies, dev.kontor.contact.ContactCopier contacts, TenantRepository tenants, TenantTreeQueries tree,
                      OrganizationAccess access, AuditLog auditLog, Clock clock,
                      PlatformTransactionManager transactions,
                      @Value("${kontor.tenant.copy-batch-size:500}") int batchSize,
                      @Value("${kontor.tenant.copy-slice:5s}") Duration slice) {
        this.copies = copies;
        this.contacts = contacts;
        this.tenants = tenants;
        this.tree = tree;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
        this.inTransaction = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
        this.slice = slice;
    }

    @Scheduled(fixedDelayString = "${kontor.tenant.copy-poll-interval:1s}")
    @SchedulerLock(name = "content-copy")
    void work() {
        LockAssert.assertLocked();
        copies.findRunning().forEach(this::runFor);
    }

    /** Works on one run for a while (so that others get their turn), batch after batch. */
    void runFor(long copyId) {
        Instant until = Instant.now().plus(slice);
        try {
            Optional<CopyProgress> progress;
            do {
                // each batch that commits is announced to every node by the copy itself (ContentCopy)
                progress = inTransaction.execute(status -> nextBatch(copyId));
            } while (progress.isPresent() && !progress.get().finished() && Instant.now().isBefore(until));
        } catch (RuntimeException failure) {
            log.error("Copy content run {} failed", copyId, failure);
            inTransaction.executeWithoutResult(status -> copies.lockById(copyId).ifPresent(copy -> {
                copy.fail(clock.instant());
                auditLog.record(AuditEntry.failed(CONTENT_COPY_FINISHED, copy.getTargetId(),
                        AuditSummary.of("content-copy-failed", copyId)));
            }));
        }
    }

    /** Copies one batch; empty when the run is not running (any more), or another worker has it right now. */
    Optional<CopyProgress> nextBatch(long copyId) {
        ContentCopy copy = copies.claim(copyId).filter(c -> c.getState() == ContentCopy.State.RUNNING)
                .orElse(null);
        if (copy == null) {
            return Optional.empty();
        }
        String pathBelow = copy.isWithDescendants()
                ? ContentCopies.pathBelow(access.pathOf(copy.getTargetId()).orElseThrow()) : null;
        List<Long> targets = tree.copyTargetsAfter(copy.getTargetId(), pathBelow, copy.getCursorId(), batchSize);
        if (targets.isEmpty()) {
            copy.finish(clock.instant());
            CopyProgress done = copy.progress();
            String master = tree.nodes(List.of(copy.getSourceId())).stream().findFirst().map(TreeNode::name).orElse("");
            auditLog.record(AuditEntry.success(CONTENT_COPY_FINISHED, copy.getTargetId(),
                    AuditSummary.of("content-copy-done", copyId, AuditSummary.organization(master), done.total(),
                            done.changed())));
            return Optional.of(done);
        }
        TenantSettings settings = tenants.findById(copy.getSourceId()).map(Tenant::settings)
                .orElseGet(TenantSettings::none);
        int changed = copies.copySettings(targets, settings.defaultLanguage(), settings.timeZone(),
                settings.senderName()) + contacts.copy(copy.getSourceId(), targets);
        copy.advance(targets.getLast(), targets.size(), changed);
        return Optional.of(copy.progress());
    }
}
