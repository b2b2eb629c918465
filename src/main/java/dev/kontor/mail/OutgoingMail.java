package dev.kontor.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One mail of the outbox. It is written once with its content, which never changes; the delivery bookkeeping
 * (state, attempts, next attempt, last error) changes until it is sent. It is never deleted.
 */
@Entity
@Table(name = "outgoing_mail")
class OutgoingMail {

    static final int ERROR_MAX_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false, updatable = false,
            length = MailMessage.IDEMPOTENCY_KEY_MAX_LENGTH)
    private String idempotencyKey;

    @Column(name = "recipient", nullable = false, updatable = false, length = MailMessage.RECIPIENT_MAX_LENGTH)
    private String recipient;

    @Column(name = "subject", nullable = false, updatable = false, length = MailMessage.SUBJECT_MAX_LENGTH)
    private String subject;

    @Column(name = "body", nullable = false, length = MailMessage.BODY_MAX_LENGTH)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private MailState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = ERROR_MAX_LENGTH)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OutgoingMail() {
    }

    private OutgoingMail(MailMessage message, Instant now) {
        this.idempotencyKey = message.idempotencyKey();
        this.recipient = message.recipient();
        this.subject = message.subject();
        this.body = message.body();
        this.state = MailState.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** A new mail, due at once. */
    static OutgoingMail pending(MailMessage message, Instant now) {
        return new OutgoingMail(message, now);
    }

    /** What stays of a sent mail's text: its personal links must not outlive the delivery in the database. */
    static final String DELIVERED_BODY = "(delivered; the text is not kept because it may hold personal links)";

    /** The mail server took the mail; its text is dropped, since a stolen database must open no link. */
    void markSent(Instant now) {
        attempts++;
        state = MailState.SENT;
        sentAt = now;
        body = DELIVERED_BODY;
    }

    /** The attempt failed: it is counted, its error kept, and the mail stays pending until {@code retryDelay}. */
    void markFailed(String error, Instant now, Duration retryDelay) {
        attempts++;
        lastError = clip(error == null || error.isBlank() ? "unknown error" : error, ERROR_MAX_LENGTH);
        nextAttemptAt = now.plus(retryDelay);
    }

    MailboxEntry toEntry() {
        return new MailboxEntry(id, recipient, subject, body, state, attempts, createdAt, sentAt);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    Long getId() {
        return id;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }

    MailState getState() {
        return state;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    String getLastError() {
        return lastError;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSentAt() {
        return sentAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OutgoingMail other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return OutgoingMail.class.hashCode();
    }
}
