package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.util.Set;

/** A relationship and one person's standing in its partner, as one statement reads them for {@link AccessStanding}. */
record StandingRow(long partnerId, long customerId, RelationshipState state, Set<OrganizationRight> granted, long leadRoles, long employeeRoles,
                   long assignments) {
}
