package dev.kontor.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the audit log. Immutable: it is written once and never changed or deleted. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    static final int SUMMARY_MAX_LENGTH = 500;
    static final int VALUE_MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "kind", nullable = false, updatable = false, length = 64)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 16)
    private AuditOutcome outcome;

    @Column(name = "actor_user_id", updatable = false)
    private Long actorUserId;

    @Column(name = "actor_email", updatable = false, length = 254)
    private String actorEmail;

    @Column(name = "on_behalf_of_id", updatable = false)
    private Long onBehalfOfId;

    @Column(name = "organization_id", updatable = false)
    private Long organizationId;

    @Column(name = "summary", updatable = false, length = SUMMARY_MAX_LENGTH)
    private String summary;

    /** The summary's bundle key and arguments, so that each reader sees it in their language. */
    @Column(name = "summary_key", updatable = false, length = 100)
    private String summaryKey;

    @Column(name = "summary_args", updatable = false, length = 2000)
    private String summaryArgs;

    @Column(name = "old_value", updatable = false, length = VALUE_MAX_LENGTH)
    private String oldValue;

    @Column(name = "new_value", updatable = false, length = VALUE_MAX_LENGTH)
    private String newValue;

    @Column(name = "remote_address", updatable = false, length = 64)
    private String remoteAddress;

    /** A refusal of someone outside the organization at the time: its own readers are not told who. */
    @Column(name = "actor_outside", nullable = false, updatable = false)
    private boolean actorOutside;

    /**
     * The outsider's window (organization, kind, actor, ten minutes) that this refusal shows in the organization's
     * log; null for a repeat in a window shown already, which the provider's staff alone read.
     */
    @Column(name = "outsider_window", updatable = false, length = 64)
    private String outsiderWindow;

    protected AuditEvent() {
    }

    /** {@code englishSummary}: the entry's summary in English, kept for the export and for searching by eye. */
    AuditEvent(Instant occurredAt, AuditEntry entry, String englishSummary, Long actorUserId, String actorEmail,
               Long onBehalfOfId, String remoteAddress) {
        this.occurredAt = occurredAt;
        this.kind = entry.kind();
        this.outcome = entry.outcome();
        this.organizationId = entry.organizationId();
        this.summary = clip(englishSummary, SUMMARY_MAX_LENGTH);
        if (entry.summary() != null) {
            this.summaryKey = entry.summary().key();
            this.summaryArgs = clip(entry.summary().storedArguments(), 2000);
        }
        this.oldValue = clip(entry.oldValue(), VALUE_MAX_LENGTH);
        this.newValue = clip(entry.newValue(), VALUE_MAX_LENGTH);
        this.actorUserId = actorUserId;
        this.actorEmail = clip(actorEmail, 254);
        this.onBehalfOfId = onBehalfOfId;
        this.remoteAddress = clip(remoteAddress, 64);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The summary's key as stored, for the writer that inserts events without the entity manager. */
    String storedSummaryKey() {
        return summaryKey;
    }

    /** The summary's arguments as stored, for the same writer. */
    String storedSummaryArguments() {
        return summaryArgs;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getKind() {
        return kind;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public Long getActorUserId() {
        return actorUserId;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public Long getOnBehalfOfId() {
        return onBehalfOfId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getSummary() {
        return summary;
    }

    /** The summary with its key, to show in a reader's language; {@code null} for events from before keys. */
    public AuditSummary getKeyedSummary() {
        return AuditSummary.stored(summaryKey, summaryArgs);
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public boolean isActorOutside() {
        return actorOutside;
    }

    public String getOutsiderWindow() {
        return outsiderWindow;
    }
}
