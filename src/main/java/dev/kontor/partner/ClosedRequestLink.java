package dev.kontor.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The hash of a request link that no longer works, with the reason: opening it again then gets a page that says
 * what happened instead of "unknown link". Written once, never changed.
 */
@Entity
@Table(name = "closed_request_link")
class ClosedRequestLink {

    /** Why a link stopped working. */
    enum Outcome {
        ACCEPTED, DECLINED, WITHDRAWN, EXPIRED, REPLACED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "relationship_id", nullable = false, updatable = false)
    private Long relationshipId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 16, updatable = false)
    private Outcome outcome;

    @Column(name = "closed_at", nullable = false, updatable = false)
    private Instant closedAt;

    protected ClosedRequestLink() {
    }

    ClosedRequestLink(String tokenHash, long relationshipId, Outcome outcome, Instant closedAt) {
        this.tokenHash = tokenHash;
        this.relationshipId = relationshipId;
        this.outcome = outcome;
        this.closedAt = closedAt;
    }

    Outcome getOutcome() {
        return outcome;
    }

    long getRelationshipId() {
        return relationshipId;
    }
}
