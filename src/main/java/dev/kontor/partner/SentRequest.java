package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.Set;

/**
 * A relationship request as the partner's inbox lists it: {@code mailedAt} is when Kontor last e-mailed it (null if
 * the partner only copied its link), {@code mailAgainAt} the first moment Kontor e-mails this customer again for
 * this partner (null: at once).
 */
public record SentRequest(long relationshipId, String customerNumber, String customerName, String email,
                          RelationshipState state, Set<OrganizationRight> requestedRights, Instant sentAt,
                          Instant expiresAt, Instant answeredAt, Instant mailedAt, Instant mailAgainAt) {

    /** As the query reads it: when it may be mailed again follows from the settings. */
    public SentRequest(long relationshipId, String customerNumber, String customerName, String email,
                       RelationshipState state, Set<OrganizationRight> requestedRights, Instant sentAt,
                       Instant expiresAt, Instant answeredAt, Instant mailedAt) {
        this(relationshipId, customerNumber, customerName, email, state, requestedRights, sentAt, expiresAt,
                answeredAt, mailedAt, null);
    }

    SentRequest mailAgainAt(Instant when) {
        return new SentRequest(relationshipId, customerNumber, customerName, email, state, requestedRights, sentAt,
                expiresAt, answeredAt, mailedAt, when);
    }
}
