package dev.kontor.partner;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer account's partners as the account's managers see and decide them: who works on the account with which
 * rights since when, the requests waiting for an answer, and the decisions on them (accept, decline, change rights,
 * confirm, end the partnership). Reading needs a right to view the account. Deciding needs MANAGE_USERS there and,
 * beyond that, an ACTIVE MANAGER membership of the account itself: the customer decides on its partners, so rights a
 * partner holds in the account never suffice (no partner can widen its own rights or end another's), and a manager who
 * belongs to the partner concerned (in any role or state) does not decide on it either. A relationship
 * id is only ever used together with the account it must belong to, so a forged id changes nothing; every refusal is
 * audited.
 */
@Service
@Transactional(readOnly = true)
public class CustomerPartnerService {

    static final String DECISION_DENIED = "PARTNER_DECISION_DENIED";

    private final CustomerSideRepository relationships;
    private final CustomerDecisions decisions;
    private final OrganizationAccess access;
    private final AuditLog auditLog;
    private final RightsReviewSettings reviewSettings;
    private final Clock clock;

    private final Callers callers;

    CustomerPartnerService(CustomerSideRepository relationships, CustomerDecisions decisions,
                           OrganizationAccess access, AuditLog auditLog, RightsReviewSettings reviewSettings,
                           Clock clock, Callers callers) {
        this.callers = callers;
        this.relationships = relationships;
        this.decisions = decisions;
        this.access = access;
        this.auditLog = auditLog;
        this.reviewSettings = reviewSettings;
        this.clock = clock;
    }

    /** The account's active partners, then its ended partnerships (newest first); one query. */
    public List<CustomerPartnerRow> partnersOf(long customerId) {
        access.require(customerId, OrganizationRight.VIEW, AuditSummary.action("list-partners"));
        Instant reviewDueBefore = clock.instant().minus(reviewSettings.rightsReviewInterval());
        return relationships.findPartnersOf(customerId).stream()
                .map(row -> row(row, reviewDueBefore)).toList();
    }

    /** The partners' requests that wait for the account's answer; one query. */
    public List<IncomingRequestRow> incomingRequests(long customerId) {
        access.require(customerId, OrganizationRight.VIEW, AuditSummary.action("list-partner-requests"));
        return relationships.findOpenRequestsTo(customerId, clock.instant()).stream()
                .map(row -> new IncomingRequestRow(row.relationship().getId(), row.partnerName(),
                        row.relationship().getRequestedRights(), row.relationship().getRequestEmail(),
                        row.relationship().getRequestedAt(), row.relationship().getRequestExpiresAt()))
                .toList();
    }

    /**
     * The partner of the account the signed-in person works for, by name, if they do (they read its partners as a
     * partner, not as the customer); asks about the caller only and never refuses.
     */
    public Optional<String> readersPartner(long customerId) {
        return callers.person().flatMap(me -> relationships.namesOfOwnPartnersOf(me.userId(), customerId).stream()
                .findFirst());
    }

    /** Whether the signed-in person decides on the account's partners (an active manager of it); never refuses. */
    public boolean mayDecide(long customerId) {
        return callers.person().filter(me -> access.may(customerId, OrganizationRight.MANAGE_USERS))
                .map(me -> relationships.isActiveManager(me.userId(), customerId)).orElse(false);
    }

    /** Accepts a partner's pending request from inside the account, granting the chosen rights (VIEW included). */
    @Transactional
    public void acceptRequest(long customerId, long relationshipId, Set<OrganizationRight> granted) {
        AuditSummary.Term attempted = AuditSummary.action("accept-partner-request", relationshipId);
        AuthenticatedUser me = requireDecider(customerId, attempted);
        decisions.accept(lockForDecision(customerId, relationshipId, me, attempted), granted, me.userId());
    }

    @Transactional
    public void declineRequest(long customerId, long relationshipId) {
        AuditSummary.Term attempted = AuditSummary.action("decline-partner-request", relationshipId);
        AuthenticatedUser me = requireDecider(customerId, attempted);
        decisions.decline(lockForDecision(customerId, relationshipId, me, attempted), me.userId());
    }

    /**
     * Reduces or changes an active partner's rights (VIEW always stays; ADMIN only while no other partner holds it).
     * Refused as stale when the relationship changed since {@code expectedVersion} was read. The rights chosen again
     * as they are confirm them instead; false then, true when they changed.
     */
    @Transactional
    public boolean changeRights(long customerId, long relationshipId, long expectedVersion,
                             Set<OrganizationRight> rights) {
        AuditSummary.Term attempted = AuditSummary.action("change-partner-rights", relationshipId);
        AuthenticatedUser me = requireDecider(customerId, attempted);
        PartnerRelationship relationship = lockForDecision(customerId, relationshipId, me, attempted);
        if (relationship.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        return decisions.changeRights(relationship, rights);
    }

    /** Ends the partnership (REVOKED): the partner's rights end with it. */
    @Transactional
    public void revoke(long customerId, long relationshipId) {
        AuditSummary.Term attempted = AuditSummary.action("end-partnership", relationshipId);
        AuthenticatedUser me = requireDecider(customerId, attempted);
        decisions.revoke(lockForDecision(customerId, relationshipId, me, attempted), me.userId());
    }

    /** Confirms an active partner's rights as they are; this answers a due access review. */
    @Transactional
    public void confirmRights(long customerId, long relationshipId) {
        AuditSummary.Term attempted = AuditSummary.action("confirm-partner-rights", relationshipId);
        AuthenticatedUser me = requireDecider(customerId, attempted);
        decisions.confirm(lockForDecision(customerId, relationshipId, me, attempted));
    }

    private AuthenticatedUser requireDecider(long customerId, AuditSummary.Term attempted) {
        AuthenticatedUser me = access.require(customerId, OrganizationRight.MANAGE_USERS, attempted);
        if (!relationships.isActiveManager(me.userId(), customerId)) {
            auditLog.recordIndependently(AuditEntry.denied(DECISION_DENIED, customerId,
                    AuditSummary.of("refused-not-own-manager", attempted)));
            throw new AccessRefused();
        }
        return me;
    }

    /**
     * The relationship to decide on, when the decider does not belong to its partner: nobody decides on their own
     * partner's request, rights or partnership, even as a manager of the account (whatever way they became one).
     */
    private PartnerRelationship lockForDecision(long customerId, long relationshipId, AuthenticatedUser me,
                                                AuditSummary.Term attempted) {
        PartnerRelationship relationship = lockInCustomer(customerId, relationshipId);
        if (relationships.belongsTo(me.userId(), relationship.getPartnerId())) {
            auditLog.recordIndependently(AuditEntry.denied(DECISION_DENIED, customerId,
                    AuditSummary.of("refused-decider-of-own-partner", attempted)));
            throw new RuleViolation("customer-partners.own-partner");
        }
        return relationship;
    }

    private PartnerRelationship lockInCustomer(long customerId, long relationshipId) {
        return relationships.lockInCustomer(relationshipId, customerId).orElseThrow(() -> {
            auditLog.recordIndependently(AuditEntry.denied(DECISION_DENIED, customerId,
                    AuditSummary.of("partner-relationship-not-in-account", relationshipId)));
            return new RuleViolation("customer-partners.not-found");
        });
    }

    private CustomerPartnerRow row(RelationshipWithPartner row, Instant reviewDueBefore) {
        PartnerRelationship r = row.relationship();
        boolean active = r.getState() == RelationshipState.ACTIVE;
        Instant askedAt = r.getRightsReviewRequestedAt();
        boolean reviewDue = active && (askedAt != null
                || (r.getRightsConfirmedAt() != null && r.getRightsConfirmedAt().isBefore(reviewDueBefore)));
        Instant fallsBackAt = active && askedAt != null ? askedAt.plus(reviewSettings.rightsReviewGrace()) : null;
        return new CustomerPartnerRow(r.getId(), r.getVersion(), row.partnerName(), r.getState(),
                r.getGrantedRights(), r.getRequestedRights(), r.getAnsweredAt(), r.getEndedAt(), reviewDue,
                fallsBackAt);
    }
}
