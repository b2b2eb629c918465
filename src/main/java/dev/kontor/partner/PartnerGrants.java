package dev.kontor.partner;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.organization.MembershipRole;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights a partner holds in its customers' accounts, for working inside them (access sessions): who may enter
 * which account, and what the relationship grants right now (so that a revocation takes effect at once).
 */
@Service
@Transactional(readOnly = true)
public class PartnerGrants {

    static final String ACCESS_REFUSED = "PARTNER_ACCESS_REFUSED";

    private final PartnerRelationshipRepository relationships;
    private final CustomerAssignmentRepository assignments;
    private final PartnerAccess access;
    private final AuditLog auditLog;
    private final CustomerSideRepository customerSide;

    private final Callers callers;

    PartnerGrants(PartnerRelationshipRepository relationships, CustomerAssignmentRepository assignments,
                  PartnerAccess access, AuditLog auditLog, CustomerSideRepository customerSide, Callers callers) {
        this.callers = callers;
        this.relationships = relationships;
        this.assignments = assignments;
        this.access = access;
        this.auditLog = auditLog;
        this.customerSide = customerSide;
    }

    /**
     * Whether the signed-in person belongs (in any role or state) to a partner that works for the customer or asks
     * to: such a person does not set the rules that partners follow in the account. False for nobody signed in. It
     * asks about the caller only, so it tells nobody about anyone else.
     */
    public boolean callerBelongsToAPartnerOf(long customerId) {
        return callers.person().map(me -> customerSide.belongsToAPartnerOf(me.userId(), customerId)).orElse(false);
    }

    /**
     * The grant for the signed-in partner user to work in the customer's account: legal representatives and
     * administrators for every active customer, employees for the customers assigned to them. Refused (and audited)
     * otherwise.
     */
    public AccessGrant grantForAccess(long partnerId, long customerId) {
        AuthenticatedUser me = callers.requirePerson();
        PartnerMembership membership = access.require(partnerId, PartnerAccess.ANYONE, AuditSummary.action("access-customer-account"));
        PartnerRelationship relationship = enterable(membership, customerId, me.userId())
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied(ACCESS_REFUSED, customerId,
                            AuditSummary.of("partner-access-refused-not-assigned",
                                    AuditSummary.organization(membership.partnerName()))));
                    return new AccessRefused();
                });
        String customerName = relationships.nameOf(customerId);
        String number = relationships.customerNumberOf(customerId);
        return new AccessGrant(relationship.getId(), partnerId, relationships.nameOf(partnerId), customerId,
                customerName, number, relationship.getGrantedRights());
    }

    /** As {@link #grantForAccess(long, long)}, for the customer with this number; an unknown number is refused alike. */
    public AccessGrant grantForAccess(long partnerId, dev.kontor.organization.CustomerNumber number) {
        Long customerId = relationships.customerIdOf(number.value());
        if (customerId == null) {
            callers.requirePerson();
            auditLog.recordIndependently(AuditEntry.denied(ACCESS_REFUSED, null,
                    AuditSummary.of("partner-access-refused-no-account", partnerId, number)));
            throw new AccessRefused();
        }
        return grantForAccess(partnerId, customerId);
    }

    /**
     * Whether {@link #grantForAccess(long, dev.kontor.organization.CustomerNumber)} would grant the signed-in person
     * entry, judged without auditing: for the status of the access page's first answer only.
     */
    boolean mayEnter(long partnerId, dev.kontor.organization.CustomerNumber number) {
        Optional<AuthenticatedUser> me = callers.person();
        Optional<MembershipRole> role = me.isPresent() ? access.roleIn(partnerId) : Optional.empty();
        Long customerId = relationships.customerIdOf(number.value());
        return role.filter(PartnerAccess.ANYONE::contains).isPresent() && customerId != null
                && enterable(new PartnerMembership(partnerId, null, role.get()), customerId, me.get().userId())
                        .isPresent();
    }

    /** The relationship through which the member may enter the customer's account: active, and theirs to work in. */
    private Optional<PartnerRelationship> enterable(PartnerMembership membership, long customerId, long userId) {
        return relationships.findOpen(membership.partnerId(), customerId)
                .filter(r -> r.getState() == RelationshipState.ACTIVE)
                .filter(r -> membership.seesAllCustomers() || assignments.existsByPartnerIdAndCustomerIdAndUserId(
                        membership.partnerId(), customerId, userId));
    }

    /**
     * What the relationship grants the signed-in partner user now, for an access session already granted: nothing
     * once the relationship has ended, the person is no longer an active member of the partner, or (as an employee)
     * the customer is no longer assigned to them. One statement. Asking about anyone but oneself is refused and
     * audited: the answer would tell who works for whom.
     */
    public AccessStanding standing(long relationshipId, long userId) {
        AuthenticatedUser me = callers.requirePerson();
        if (me.userId() != userId) {
            throw refusedForOtherPerson(relationshipId);
        }
        return standingOf(relationshipId, userId);
    }

    /** As {@link #standing}, for any person: the statement itself, for this package's tests of it. */
    AccessStanding standingOf(long relationshipId, long userId) {
        return relationships.findStanding(relationshipId, userId)
                .map(row -> AccessStanding.of(userId, relationshipId, row))
                .orElseGet(() -> AccessStanding.refused(AccessStanding.Outcome.PARTNERSHIP_ENDED));
    }

    /**
     * Names and current rights of the relationship of a standing that {@link #standing} granted the signed-in person,
     * for the banner of their access session; any other standing is refused and audited.
     */
    public AccessGrant describe(AccessStanding standing) {
        AuthenticatedUser me = callers.requirePerson();
        if (!standing.granted() || standing.userId() != me.userId()) {
            throw refusedForOtherPerson(standing.relationshipId());
        }
        return new AccessGrant(standing.relationshipId(), standing.partnerId(),
                relationships.nameOf(standing.partnerId()), standing.customerId(),
                relationships.nameOf(standing.customerId()), relationships.customerNumberOf(standing.customerId()),
                standing.rights());
    }

    private AccessRefused refusedForOtherPerson(long relationshipId) {
        auditLog.recordIndependently(AuditEntry.denied(ACCESS_REFUSED, null,
                AuditSummary.of("partner-standing-refused", relationshipId)));
        return new AccessRefused();
    }
}
