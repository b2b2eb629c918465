package dev.kontor.partner;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * The periodic access review. Once the rights of an active partner have held for the review interval (90 days), the
 * customer's contact person is asked by e-mail to confirm them (or reduce them, or end the partnership) in the
 * account; without an answer within the grace period (30 days) the rights fall back to VIEW, and both sides are
 * told. Works in small batches, each in its own transaction with a fixed number of queries, so that a large platform
 * is never loaded at once and one failure does not undo the rest. Each batch claims its relationships with row locks
 * that other workers skip, so that with several nodes every customer is asked once and every fallback happens once;
 * a node that dies mid-batch loses its transaction and its locks, and the rows are due again for any node.
 */
@Component
class RightsReviewJob {

    static final String RIGHTS_REVIEW_REQUESTED = "PARTNER_RIGHTS_REVIEW_REQUESTED";
    static final String RIGHTS_FELL_BACK = "PARTNER_RIGHTS_FELL_BACK";
    private static final Logger log = LoggerFactory.getLogger(RightsReviewJob.class);

    private final CustomerSideRepository relationships;
    private final CustomerAccountFacts accounts;
    private final CustomerSideMails mails;
    private final AuditLog auditLog;
    private final RightsReviewSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;

    RightsReviewJob(CustomerSideRepository relationships, CustomerAccountFacts accounts, CustomerSideMails mails,
                    AuditLog auditLog,
                    RightsReviewSettings settings, TransactionTemplate transaction, Clock clock,
                    @Value("${kontor.partner.rights-review-batch-size:100}") int batchSize) {
        this.relationships = relationships;
        this.accounts = accounts;
        this.mails = mails;
        this.auditLog = auditLog;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(initialDelayString = "${kontor.partner.rights-review-initial-delay:2m}",
            fixedDelayString = "${kontor.partner.rights-review-check-interval:1h}")
    @SchedulerLock(name = "partner-rights-review")
    void reviewRights() {
        LockAssert.assertLocked();
        int asked = askDueCustomers();
        int fellBack = fallBackUnanswered();
        if (asked > 0 || fellBack > 0) {
            log.info("Access review: asked {} customers to confirm partner rights; {} unanswered fell back to VIEW",
                    asked, fellBack);
        }
    }

    /** Asks the contact person of every account with a partner whose rights are due; returns how many were asked. */
    int askDueCustomers() {
        int total = 0;
        while (true) {
            Integer asked = transaction.execute(status -> askBatch());
            if (asked == null || asked == 0) {
                return total;
            }
            total += asked;
        }
    }

    /** Reduces to VIEW the rights whose review was not answered in time; returns how many fell back. */
    int fallBackUnanswered() {
        int total = 0;
        while (true) {
            Integer fellBack = transaction.execute(status -> fallBackBatch());
            if (fellBack == null || fellBack == 0) {
                return total;
            }
            total += fellBack;
        }
    }

    /** One claim, one query for the batch with everything the e-mails need, one update that notes who was asked. */
    private int askBatch() {
        Instant now = clock.instant();
        Instant confirmedBefore = now.minus(settings.rightsReviewInterval());
        List<Long> claimed = relationships.claimDueForReview(confirmedBefore, Limit.of(batchSize)).stream()
                .map(PartnerRelationship::getId).toList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<DueReview> due = accounts.findDueReviews(claimed);
        Instant fallsBackAt = now.plus(settings.rightsReviewGrace());
        for (DueReview review : due) {
            PartnerRelationship relationship = review.relationship();
            if (review.contactPerson() != null) {
                mails.reviewRequested(review, now, fallsBackAt);
            }
            AuditSummary summary = review.contactPerson() == null
                    ? AuditSummary.of("partner-review-no-contact-person", review.partnerName(), review.customerLabel())
                    : AuditSummary.of("partner-review-requested", review.partnerName(), review.customerLabel(),
                    review.contactEmail());
            String rights = RightSets.describe(relationship.getGrantedRights());
            auditLog.record(AuditEntry.change(RIGHTS_REVIEW_REQUESTED, relationship.getCustomerId(), summary,
                    rights, rights));
            auditLog.record(AuditEntry.change(RIGHTS_REVIEW_REQUESTED, relationship.getPartnerId(), summary,
                    rights, rights));
        }
        relationships.markReviewRequested(due.stream().map(review -> review.relationship().getId()).toList(), now,
                confirmedBefore);
        return due.size();
    }

    /**
     * The unanswered relationships of the batch, locked; then, for all of them at once, the names, the contact
     * persons and the partners' people to tell.
     */
    private int fallBackBatch() {
        Instant now = clock.instant();
        List<PartnerRelationship> unanswered = relationships.claimUnansweredReviews(
                now.minus(settings.rightsReviewGrace()), Limit.of(batchSize));
        if (unanswered.isEmpty()) {
            return 0;
        }
        List<Long> organizationIds = new ArrayList<>();
        unanswered.forEach(r -> {
            organizationIds.add(r.getPartnerId());
            organizationIds.add(r.getCustomerId());
        });
        Map<Long, OrganizationSummary> organizations = relationships.findSummaries(
                        organizationIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(OrganizationSummary::id, Function.identity()));
        Map<Long, NotifiedPerson> contactPersons = accounts.findContactPersons(
                        unanswered.stream().map(PartnerRelationship::getCustomerId).distinct().toList()).stream()
                .collect(Collectors.toMap(NotifiedPerson::key, Function.identity(), (first, second) -> first));
        Map<Long, List<NotifiedPerson>> partnerPeople = relationships.findPartnerRecipients(
                        unanswered.stream().map(PartnerRelationship::getId).toList()).stream()
                .collect(Collectors.groupingBy(NotifiedPerson::key));
        for (PartnerRelationship relationship : unanswered) {
            fallBack(relationship, now, organizations.get(relationship.getPartnerId()).name(),
                    organizations.get(relationship.getCustomerId()),
                    partnerPeople.getOrDefault(relationship.getId(), List.of()),
                    contactPersons.get(relationship.getCustomerId()));
        }
        return unanswered.size();
    }

    private void fallBack(PartnerRelationship relationship, Instant now, String partnerName,
                          OrganizationSummary customer, List<NotifiedPerson> partnerPeople,
                          NotifiedPerson contactPerson) {
        Instant askedAt = relationship.getRightsReviewRequestedAt();
        Set<OrganizationRight> before = RightSets.ordered(relationship.getGrantedRights());
        Set<OrganizationRight> viewOnly = Set.of(OrganizationRight.VIEW);
        relationship.changeRights(viewOnly, now);
        AuditSummary summary = before.equals(viewOnly)
                ? AuditSummary.of("partner-rights-view-only-already", partnerName, customer.label(), askedAt)
                : AuditSummary.of("partner-rights-fell-back", partnerName, customer.label(), askedAt);
        auditLog.record(AuditEntry.change(RIGHTS_FELL_BACK, relationship.getCustomerId(), summary,
                RightSets.describe(before), RightSets.describe(viewOnly)));
        auditLog.record(AuditEntry.change(RIGHTS_FELL_BACK, relationship.getPartnerId(), summary,
                RightSets.describe(before), RightSets.describe(viewOnly)));
        if (!before.equals(viewOnly)) {
            mails.fellBack(relationship, askedAt, partnerName, customer.label(), customer.customerNumber(), before,
                    partnerPeople, contactPerson);
        }
    }
}
