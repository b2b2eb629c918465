package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.Set;

/** A relationship request as the partner's inbox lists it. */
public record SentRequest(long relationshipId, String customerNumber, String customerName, String email,
                          RelationshipState state, Set<OrganizationRight> requestedRights, Instant sentAt,
                          Instant expiresAt, Instant answeredAt) {
}
