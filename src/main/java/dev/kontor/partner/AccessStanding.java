package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a partner user may still work in the account of an access session, and with which rights: only while the
 * relationship is active, they are an active legal representative, administrator or employee of the partner, and,
 * as an employee, the customer is assigned to them.
 */
public record AccessStanding(Outcome outcome, Set<OrganizationRight> rights) {

    public enum Outcome { GRANTED, PARTNERSHIP_ENDED, NOT_A_MEMBER, NOT_ASSIGNED }

    static AccessStanding of(StandingRow row) {
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
        return new AccessStanding(Outcome.GRANTED, rights);
    }

    static AccessStanding refused(Outcome why) {
        return new AccessStanding(why, EnumSet.noneOf(OrganizationRight.class));
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
