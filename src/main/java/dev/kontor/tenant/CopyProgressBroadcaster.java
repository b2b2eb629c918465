package dev.kontor.tenant;

import com.vaadin.flow.shared.Registration;
import dev.kontor.base.cluster.ClusterBroadcast;
import org.springframework.stereotype.Component;

/**
 * Tells open pages that a copy has advanced, as the background worker commits each batch on whichever node runs it;
 * the pages read its progress again ({@link ContentCopies#progress}, which checks the reader) and push it to the
 * browser. A page watches while it is shown and stops when it goes.
 */
@Component
public class CopyProgressBroadcaster {

    static final String TOPIC = "content-copy";

    private final ClusterBroadcast broadcast;

    CopyProgressBroadcaster(ClusterBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    /** Calls back (on the broadcast thread) when the copy may have advanced, first at once. */
    public Registration watch(long copyId, Runnable advanced) {
        return broadcast.subscribe(TOPIC, change -> {
            if (change.concerns(copyId)) {
                advanced.run();
            }
        });
    }
}
