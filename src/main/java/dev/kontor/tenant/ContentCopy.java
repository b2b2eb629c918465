package dev.kontor.tenant;

import dev.kontor.base.cluster.Announced;
import dev.kontor.base.cluster.AnnouncedChanges;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One run of Copy content: from a master tenant into a sub-tenant (and, if asked, every tenant below it). It
 * advances in batches along the targets' ids; the cursor is the last id done, so a run resumes where it stopped.
 */
@Entity
@Table(name = "content_copy")
@EntityListeners(AnnouncedChanges.class)
@Announced(CopyProgressBroadcaster.TOPIC)
class ContentCopy {

    enum State { RUNNING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_id", nullable = false)
    private long sourceId;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "with_descendants", nullable = false)
    private boolean withDescendants;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "total_targets", nullable = false)
    private int totalTargets;

    @Column(name = "done_targets", nullable = false)
    private int doneTargets;

    @Column(name = "changed_items", nullable = false)
    private int changedItems;

    @Column(name = "cursor_id", nullable = false)
    private long cursorId;

    @Column(name = "started_by", nullable = false)
    private long startedBy;

    @Column(name = "on_behalf_of_id")
    private Long onBehalfOfId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ContentCopy() {
    }

    ContentCopy(long sourceId, long targetId, boolean withDescendants, int totalTargets, long startedBy,
                Long onBehalfOfId, Instant now) {
        this.sourceId = sourceId;
        this.targetId = targetId;
        this.withDescendants = withDescendants;
        this.totalTargets = totalTargets;
        this.startedBy = startedBy;
        this.onBehalfOfId = onBehalfOfId;
        this.state = State.RUNNING;
        this.createdAt = now;
    }

    void advance(long lastTargetId, int targets, int changed) {
        this.cursorId = lastTargetId;
        this.doneTargets = Math.min(totalTargets, doneTargets + targets);
        this.changedItems += changed;
    }

    void finish(Instant now) {
        this.state = State.DONE;
        this.doneTargets = totalTargets;
        this.finishedAt = now;
    }

    void fail(Instant now) {
        this.state = State.FAILED;
        this.finishedAt = now;
    }

    CopyProgress progress() {
        return new CopyProgress(id, state.name(), doneTargets, totalTargets, changedItems);
    }

    Long getId() {
        return id;
    }

    long getSourceId() {
        return sourceId;
    }

    long getTargetId() {
        return targetId;
    }

    boolean isWithDescendants() {
        return withDescendants;
    }

    long getCursorId() {
        return cursorId;
    }

    long getStartedBy() {
        return startedBy;
    }

    State getState() {
        return state;
    }
}
