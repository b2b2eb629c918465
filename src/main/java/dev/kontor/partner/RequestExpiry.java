package dev.kontor.partner;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * Marks relationship requests that were not answered in time as EXPIRED, in small batches, each in its own
 * transaction. A batch claims its requests with row locks that other workers skip, so that with several nodes each
 * request expires once (one state change, one pair of audit entries); a node that dies mid-batch loses its
 * transaction and its locks, and the requests are still due for the next run on any node.
 */
@Component
class RequestExpiry {

    static final String REQUEST_EXPIRED = "RELATIONSHIP_REQUEST_EXPIRED";
    private static final Logger log = LoggerFactory.getLogger(RequestExpiry.class);

    private final PartnerRelationshipRepository relationships;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RequestLinkArchive linkArchive;
    private final CustomerSnapshots snapshots;
    private final int batchSize;

    RequestExpiry(PartnerRelationshipRepository relationships, AuditLog auditLog, TransactionTemplate transaction,
                  Clock clock, RequestLinkArchive linkArchive, CustomerSnapshots snapshots,
                  @Value("${kontor.partner.expiry-batch-size:100}") int batchSize) {
        this.relationships = relationships;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.clock = clock;
        this.linkArchive = linkArchive;
        this.snapshots = snapshots;
        this.batchSize = batchSize;
    }

    @Scheduled(initialDelayString = "${kontor.partner.expiry-initial-delay:1m}",
            fixedDelayString = "${kontor.partner.expiry-check-interval:15m}")
    @SchedulerLock(name = "partner-request-expiry")
    void expireDueRequests() {
        LockAssert.assertLocked();
        int expired = expireAll();
        if (expired > 0) {
            log.info("{} relationship requests expired", expired);
        }
    }

    int expireAll() {
        int total = 0;
        while (true) {
            Integer count = transaction.execute(status -> expireBatch());
            if (count == null || count == 0) {
                return total;
            }
            total += count;
        }
    }

    private int expireBatch() {
        Instant now = clock.instant();
        List<PartnerRelationship> due = relationships.claimExpiredRequests(now, Limit.of(batchSize));
        // the customers of the whole batch as their partners see them, in one statement
        Map<Long, CustomerSnapshot> customers = snapshots.of(due.stream().map(PartnerRelationship::getCustomerId)
                .collect(Collectors.toSet()));
        for (PartnerRelationship request : due) {
            linkArchive.closeCurrentLink(request.getId(), ClosedRequestLink.Outcome.EXPIRED);
            request.expire(now, customers.get(request.getCustomerId()));
            AuditSummary summary = AuditSummary.of("partner-request-expired");
            auditLog.record(AuditEntry.change(REQUEST_EXPIRED, request.getPartnerId(), summary, "REQUESTED",
                    "EXPIRED"));
            auditLog.record(AuditEntry.change(REQUEST_EXPIRED, request.getCustomerId(), summary, "REQUESTED",
                    "EXPIRED"));
        }
        return due.size();
    }
}
