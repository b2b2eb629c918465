package dev.kontor.partner;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.CurrentUser;
import java.util.EnumSet;
import java.util.Set;
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

    PartnerGrants(PartnerRelationshipRepository relationships, CustomerAssignmentRepository assignments,
                  PartnerAccess access, AuditLog auditLog, CustomerSideRepository customerSide) {
        this.relationships = relationships;
        this.assignments = assignments;
        this.access = access;
        this.auditLog = auditLog;
        this.customerSide = customerSide;
    }

    /**
     * Whether the person belongs (in any role or state) to a partner that works for the customer or asks to: such a
     * person does not set the rules that partners follow in the account.
     */
    public boolean belongsToAPartnerOf(long userId, long customerId) {
        return customerSide.belongsToAPartnerOf(userId, customerId);
    }

    /**
     * The grant for the signed-in partner user to work in the customer's account: legal representatives and
     * administrators for every active customer, employees for the customers assigned to them. Refused (and audited)
     * otherwise.
     */
    public AccessGrant grantForAccess(long partnerId, long customerId) {
        AuthenticatedUser me = CurrentUser.require();
        PartnerMembership membership = access.require(partnerId, PartnerAccess.ANYONE, AuditSummary.action("access-customer-account"));
        PartnerRelationship relationship = relationships.findOpen(partnerId, customerId)
                .filter(r -> r.getState() == RelationshipState.ACTIVE)
                .filter(r -> membership.seesAllCustomers()
                        || assignments.existsByPartnerIdAndCustomerIdAndUserId(partnerId, customerId, me.userId()))
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied(ACCESS_REFUSED, customerId,
                            AuditSummary.of("partner-access-refused-not-assigned", partnerId)));
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
            CurrentUser.require();
            auditLog.recordIndependently(AuditEntry.denied(ACCESS_REFUSED, null,
                    AuditSummary.of("partner-access-refused-no-account", partnerId, number)));
            throw new AccessRefused();
        }
        return grantForAccess(partnerId, customerId);
    }

    /** Names and current rights of a relationship, for the banner of an access session already granted. */
    public AccessGrant describe(long relationshipId) {
        PartnerRelationship relationship = relationships.findById(relationshipId).orElseThrow();
        return new AccessGrant(relationshipId, relationship.getPartnerId(),
                relationships.nameOf(relationship.getPartnerId()), relationship.getCustomerId(),
                relationships.nameOf(relationship.getCustomerId()),
                relationships.customerNumberOf(relationship.getCustomerId()), activeRights(relationshipId));
    }

    /**
     * What the relationship grants this partner user now, for an access session already granted: nothing once the
     * relationship has ended, the person is no longer an active member of the partner, or (as an employee) the
     * customer is no longer assigned to them. One statement.
     */
    public AccessStanding standing(long relationshipId, long userId) {
        return relationships.findStanding(relationshipId, userId).map(AccessStanding::of)
                .orElseGet(() -> AccessStanding.refused(AccessStanding.Outcome.PARTNERSHIP_ENDED));
    }

    /** What the relationship grants now: nothing once it has ended or was revoked. */
    public Set<OrganizationRight> activeRights(long relationshipId) {
        return relationships.findById(relationshipId).filter(r -> r.getState() == RelationshipState.ACTIVE)
                .map(PartnerRelationship::getGrantedRights).orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }
}
