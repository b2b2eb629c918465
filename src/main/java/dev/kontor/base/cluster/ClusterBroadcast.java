package dev.kontor.base.cluster;

import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Tells every Kontor node, this one included, that something changed which open pages may be waiting for, whichever
 * node made the change and whichever node holds the page. Features announce inside the transaction that makes the
 * change; pages subscribe while they are shown and read the state again when a change concerns them.
 *
 * <p>Nothing a person depends on rests on a single message: a change names only what changed, a receiver hears
 * "everything may have changed" when it subscribes and again after any gap in which changes may have been lost, and
 * the checks that guard data (an access session's rights, say) run on every call anyway.
 */
public interface ClusterBroadcast {

    /**
     * Announces a change to every node once the current transaction commits (at once outside a transaction); a
     * transaction that rolls back announces nothing. The topic is lower-case letters and dashes.
     */
    void announce(String topic, long subjectId);

    /**
     * Calls the receiver for every change of the topic on any node, first with {@link Change#everything()}. Receivers
     * run one after another on Kontor's broadcast thread (never the announcer's): they must be quick, e.g. hand the
     * change to a UI with {@code UI.access}.
     */
    Registration subscribe(String topic, Consumer<Change> receiver);

    static String checkedTopic(String topic) {
        if (topic == null || !topic.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("A topic is lower-case letters and dashes: " + topic);
        }
        return topic;
    }
}
