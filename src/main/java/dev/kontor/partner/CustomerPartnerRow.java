package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.Set;

/**
 * One partner of a customer account as its managers see it. {@code version} goes back with a change of rights, so
 * that a change made from a stale view is refused. While a review of the rights is due, {@code reviewDue} is set
 * and {@code fallsBackAt} says when the rights fall back to VIEW without an answer (null until the customer has
 * been asked).
 */
public record CustomerPartnerRow(long relationshipId, long version, String partnerName, RelationshipState state,
                                 Set<OrganizationRight> grantedRights, Set<OrganizationRight> requestedRights,
                                 Instant since, Instant endedAt, boolean reviewDue, Instant fallsBackAt) {

    public CustomerPartnerRow {
        grantedRights = RightSets.ordered(grantedRights);
        requestedRights = RightSets.ordered(requestedRights);
    }

    public boolean isActive() {
        return state == RelationshipState.ACTIVE;
    }
}
