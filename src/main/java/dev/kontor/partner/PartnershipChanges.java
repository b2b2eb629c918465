package dev.kontor.partner;

import com.vaadin.flow.shared.Registration;
import dev.kontor.base.cluster.ClusterBroadcast;
import org.springframework.stereotype.Component;

/**
 * Tells open pages, on every node, that a partnership's rights changed or that it ended (revoked by the customer,
 * terminated by the partner, fallen back after an unanswered review), so that a partner user working in the customer's
 * account learns it at once instead of at the next click; the pages check again through the services.
 */
@Component
public class PartnershipChanges {

    static final String TOPIC = "partnership";

    private final ClusterBroadcast broadcast;

    PartnershipChanges(ClusterBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    /** Calls back (on the broadcast thread) when the partnership may have changed, first at once. */
    public Registration watch(long relationshipId, Runnable changed) {
        return broadcast.subscribe(TOPIC, change -> {
            if (change.concerns(relationshipId)) {
                changed.run();
            }
        });
    }
}
