package dev.kontor.access;

import dev.kontor.organization.OrganizationRight;
import java.util.Set;

/** The access session this browser tab works in: whose account, for which partner, with which rights. */
public record CurrentAccess(long sessionId, long partnerId, String partnerName, long customerId,
                            String customerName, String customerNumber, String reason,
                            Set<OrganizationRight> rights) {
}
