package dev.kontor.base.cluster;

/**
 * A change that open pages may wait for: its topic (what kind of thing, e.g. {@code content-copy}) and the id of the
 * thing that changed; or, when changes may have been missed (a receiver that just subscribed, a node that lost its
 * database connection for a while), every thing of the topic. A change carries no state: whoever receives it reads
 * the thing again, so the database stays the one source of truth.
 */
public record Change(String topic, long subjectId, boolean everything) {

    public static Change of(String topic, long subjectId) {
        return new Change(topic, subjectId, false);
    }

    static Change everythingOf(String topic) {
        return new Change(topic, 0, true);
    }

    /** Whether a page that shows the thing with this id must read it again. */
    public boolean concerns(long id) {
        return everything || subjectId == id;
    }
}
