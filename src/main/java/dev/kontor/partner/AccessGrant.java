package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.util.Set;

/** What a partner user may do in a customer account: the active relationship and the rights it grants. */
public record AccessGrant(long relationshipId, long partnerId, String partnerName, long customerId,
                          String customerName, String customerNumber, Set<OrganizationRight> rights) {
}
