package dev.kontor.partner;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers why a request link stopped working. A relationship row holds only its current link and forgets it when
 * the request is answered, withdrawn, expires or gets a new link; whoever does that calls {@link #closeCurrentLink}
 * first (before changing the relationship, whose pending change would otherwise be flushed by the query here), so
 * that the old link's page can say "answered", "withdrawn", "expired" or "replaced".
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RequestLinkArchive {

    private final ClosedRequestLinkRepository closedLinks;
    private final CustomerSideRepository relationships;
    private final Clock clock;

    RequestLinkArchive(ClosedRequestLinkRepository closedLinks, CustomerSideRepository relationships, Clock clock) {
        this.closedLinks = closedLinks;
        this.relationships = relationships;
        this.clock = clock;
    }

    /** Keeps the relationship's current link (if it has one) as closed for the given reason. */
    void closeCurrentLink(long relationshipId, ClosedRequestLink.Outcome outcome) {
        relationships.findTokenHash(relationshipId).ifPresent(hash -> close(hash, relationshipId, outcome));
    }

    void close(String tokenHash, long relationshipId, ClosedRequestLink.Outcome outcome) {
        if (!closedLinks.existsByTokenHash(tokenHash)) {
            closedLinks.save(new ClosedRequestLink(tokenHash, relationshipId, outcome, clock.instant()));
        }
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Optional<ClosedRequestLink> find(String tokenHash) {
        return closedLinks.findByTokenHash(tokenHash);
    }
}
