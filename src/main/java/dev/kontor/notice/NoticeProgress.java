package dev.kontor.notice;

import com.vaadin.flow.shared.Registration;
import dev.kontor.base.cluster.ClusterBroadcast;
import org.springframework.stereotype.Component;

/**
 * Tells the provider's open notice pages that a notice was queued or has advanced (a batch mailed, a failure noted,
 * all sent), on whichever node that happened; the pages read their list again through {@link PlatformNotices}.
 */
@Component
public class NoticeProgress {

    static final String TOPIC = "platform-notice";

    private final ClusterBroadcast broadcast;

    NoticeProgress(ClusterBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    /** Calls back (on the broadcast thread) when any notice may have changed, first at once. */
    public Registration watch(Runnable changed) {
        return broadcast.subscribe(TOPIC, change -> changed.run());
    }
}
