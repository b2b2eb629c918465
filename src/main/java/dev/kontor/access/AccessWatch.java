package dev.kontor.access;

import com.vaadin.flow.shared.Registration;
import dev.kontor.base.cluster.ClusterBroadcast;
import dev.kontor.partner.PartnershipChanges;
import org.springframework.stereotype.Component;

/**
 * Tells the page of a tab in an access session, on whichever node it is open, that the session may have ended: it
 * ended (left in another tab, signed out, ended by a check on another node) or its partnership changed (rights
 * reduced, revoked by the customer, terminated by the partner). The page then checks again through
 * {@link AccessSessions#current()}, which ends the session and says why when it no longer stands. Nothing depends on
 * the call alone: every call inside the session is checked anyway.
 */
@Component
public class AccessWatch {

    static final String TOPIC = "access-session";

    private final ClusterBroadcast broadcast;
    private final PartnershipChanges partnerships;
    private final AccessSessionRepository sessions;

    AccessWatch(ClusterBroadcast broadcast, PartnershipChanges partnerships, AccessSessionRepository sessions) {
        this.broadcast = broadcast;
        this.partnerships = partnerships;
        this.sessions = sessions;
    }

    /** Calls back (on the broadcast thread) when the session or its partnership may have changed, first at once. */
    public Registration watch(long sessionId, Runnable changed) {
        Registration session = broadcast.subscribe(TOPIC, change -> {
            if (change.concerns(sessionId)) {
                changed.run();
            }
        });
        Registration partnership = sessions.findById(sessionId).map(AccessSession::getRelationshipId)
                .map(relationship -> partnerships.watch(relationship, changed)).orElse(() -> { });
        return Registration.combine(session, partnership);
    }
}
