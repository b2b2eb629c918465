package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.Set;

/** A partner's pending request to a customer account, as the account's managers see it. */
public record IncomingRequestRow(long relationshipId, String partnerName, Set<OrganizationRight> requestedRights,
                                 String requestEmail, Instant requestedAt, Instant expiresAt) {

    public IncomingRequestRow {
        requestedRights = RightSets.ordered(requestedRights);
    }
}
