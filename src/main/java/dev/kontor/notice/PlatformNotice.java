package dev.kontor.notice;

import dev.kontor.base.cluster.Announced;
import dev.kontor.base.cluster.AnnouncedChanges;
import dev.kontor.contact.ContactType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One platform notice: what it says, to whom, and how far the fan-out has got. The cursor is the last recipient
 * address mailed (addresses are walked in order), so a notice resumes where it stopped after a restart.
 */
@Entity
@Table(name = "platform_notice")
@EntityListeners(AnnouncedChanges.class)
@Announced(NoticeProgress.TOPIC)
class PlatformNotice {

    static final int SUBJECT_MAX_LENGTH = 200;
    static final int BODY_MAX_LENGTH = 10_000;
    static final int AUDIENCE_LABEL_MAX_LENGTH = 2000;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "provider_id", nullable = false, updatable = false)
    private long providerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 16)
    private ContactType kind;

    @Column(name = "subject", nullable = false, updatable = false, length = SUBJECT_MAX_LENGTH)
    private String subject;

    @Column(name = "body", nullable = false, updatable = false, length = BODY_MAX_LENGTH)
    private String body;

    @Column(name = "language", nullable = false, updatable = false, length = 8)
    private String language;

    @Column(name = "audience_all", nullable = false, updatable = false)
    private boolean audienceAll;

    @Column(name = "audience_label", updatable = false, length = AUDIENCE_LABEL_MAX_LENGTH)
    private String audienceLabel;

    /** The chosen organizations (each with everything below it); empty when the notice is for all. */
    @ElementCollection
    @CollectionTable(name = "platform_notice_target", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "organization_id", nullable = false)
    private Set<Long> targets = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private NoticeState state;

    @Column(name = "total_recipients", nullable = false)
    private int totalRecipients;

    @Column(name = "sent_count", nullable = false)
    private int sentCount;

    @Column(name = "skipped_count", nullable = false)
    private int skippedCount;

    @Column(name = "cursor_email", nullable = false, length = 254)
    private String cursorEmail;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** Failed batches in a row; the pause before the next try doubles with each. */
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "retry_at")
    private Instant retryAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PlatformNotice() {
    }

    PlatformNotice(long providerId, ContactType kind, String subject, String body, String language,
                   Set<Long> targets, String audienceLabel, int totalRecipients, long createdBy, Instant now) {
        this.providerId = providerId;
        this.kind = kind;
        this.subject = subject;
        this.body = body;
        this.language = language;
        this.audienceAll = targets.isEmpty();
        this.targets = new HashSet<>(targets);
        this.audienceLabel = audienceAll ? null : audienceLabel;
        this.totalRecipients = totalRecipients;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.state = NoticeState.QUEUED;
        this.cursorEmail = "";
    }

    /** One batch is done: its last address becomes the cursor. */
    void advance(String lastEmail, int sent, int skipped) {
        this.state = NoticeState.SENDING;
        this.failedAttempts = 0;
        this.retryAt = null;
        this.cursorEmail = lastEmail;
        this.sentCount += sent;
        this.skippedCount += skipped;
    }

    /** Every recipient has been mailed; the total becomes exact (contacts may have changed meanwhile). */
    void finish(Instant now) {
        this.state = NoticeState.SENT;
        this.failedAttempts = 0;
        this.retryAt = null;
        this.totalRecipients = sentCount + skippedCount;
        this.finishedAt = now;
    }

    /**
     * A batch failed and was rolled back. The next try waits 30 seconds after the first failure in a row and twice as
     * long after each further one, at most half an hour: a short outage costs little delay, a lasting one no load.
     */
    Instant failed(Instant now) {
        failedAttempts++;
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failedAttempts - 1, 16));
        retryAt = now.plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
        return retryAt;
    }

    NoticeStatus status() {
        return new NoticeStatus(id, kind, subject, audienceLabel, state, totalRecipients, sentCount, createdAt,
                finishedAt, failedAttempts, retryAt);
    }

    Long getId() {
        return id;
    }

    long getProviderId() {
        return providerId;
    }

    ContactType getKind() {
        return kind;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }

    String getLanguage() {
        return language;
    }

    boolean isAudienceAll() {
        return audienceAll;
    }

    Set<Long> getTargets() {
        return Set.copyOf(targets);
    }

    NoticeState getState() {
        return state;
    }

    String getCursorEmail() {
        return cursorEmail;
    }

    int getSentCount() {
        return sentCount;
    }

    int getSkippedCount() {
        return skippedCount;
    }

    int getFailedAttempts() {
        return failedAttempts;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof PlatformNotice other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return PlatformNotice.class.hashCode();
    }
}
