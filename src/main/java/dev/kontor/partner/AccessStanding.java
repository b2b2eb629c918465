package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a partner user may still work in the account of an access session, and with which rights: only while the
 * relationship is active, they are an active legal representative, administrator or employee of the partner, and,
 * as an employee, the customer is assigned to them.
 * <p>
 * Only {@link PartnerGrants#standing} makes one, for the signed-in person; a granted standing is what
 * {@link PartnerGrants#describe} takes to name the relationship, so that nobody can ask for the names of a
 * relationship of which they hold no standing.
 */
public final class AccessStanding {

    public enum Outcome { GRANTED, PARTNERSHIP_ENDED, NOT_A_MEMBER, NOT_ASSIGNED }

    private final Outcome outcome;
    private final Set<OrganizationRight> rights;
    private final long userId;
    private final long relationshipId;
    private final long partnerId;
    private final long customerId;

    private AccessStanding(Outcome outcome, Set<OrganizationRight> rights, long userId, long relationshipId,
                           long partnerId, long customerId) {
        this.outcome = outcome;
        this.rights = rights;
        this.userId = userId;
        this.relationshipId = relationshipId;
        this.partnerId = partnerId;
        this.customerId = customerId;
    }

    static AccessStanding of(long userId, long relationshipId, StandingRow row) {
        if (row.state() != RelationshipState.ACTIVE) {
            return refused(Outcome.PARTNERSHIP_ENDED);
        }
        if (row.leadRoles() == 0 && row.employeeRoles() == 0) {
            return refused(Outcome.NOT_A_MEMBER);
        }
        if (row.leadRoles() == 0 && row.assignments() == 0) {
            return refused(Outcome.NOT_ASSIGNED);
        }
        Set<OrganizationRight> rights = EnumSet.noneOf(OrganizationRight.class);
        rights.addAll(row.granted());
        return new AccessStanding(Outcome.GRANTED, rights, userId, relationshipId, row.partnerId(),
                row.customerId());
    }

    static AccessStanding refused(Outcome why) {
        return new AccessStanding(why, EnumSet.noneOf(OrganizationRight.class), 0, 0, 0, 0);
    }

    public Outcome outcome() {
        return outcome;
    }

    public Set<OrganizationRight> rights() {
        return rights;
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }

    long userId() {
        return userId;
    }

    long relationshipId() {
        return relationshipId;
    }

    long partnerId() {
        return partnerId;
    }

    long customerId() {
        return customerId;
    }

    @Override
    public String toString() {
        return "AccessStanding[" + outcome + ", " + rights + "]";
    }
}
