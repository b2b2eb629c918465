package dev.kontor.access;

import dev.kontor.base.cluster.Announced;
import dev.kontor.base.cluster.AnnouncedChanges;
import dev.kontor.partner.AccessGrant;
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
import java.time.Duration;
import java.time.Instant;

/** One partner user's stay inside one customer account. */
@Entity
@Table(name = "access_session")
@EntityListeners(AnnouncedChanges.class)
@Announced(AccessWatch.TOPIC)
class AccessSession {

    static final int REASON_MAX_LENGTH = 200;

    /**
     * Why a session ended: the partner user left or signed out, it idled, the relationship ended or lost its rights,
     * the person is no longer an active member of the partner, or (an employee) the customer is no longer theirs.
     */
    enum EndReason { LEFT, SIGNED_OUT, TIMED_OUT, RIGHTS_ENDED, MEMBERSHIP_ENDED, NOT_ASSIGNED, PARTNER_SUSPENDED,
        ACCOUNT_SUSPENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "relationship_id", nullable = false)
    private Long relationshipId;

    @Column(name = "partner_id", nullable = false)
    private Long partnerId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "reason", length = REASON_MAX_LENGTH)
    private String reason;

    /** The account and the partner as they were called when the session began, for the audit of its end. */
    @Column(name = "customer_name", length = 200)
    private String customerName;

    @Column(name = "customer_number", length = 20)
    private String customerNumber;

    @Column(name = "partner_name", length = 200)
    private String partnerName;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 32)
    private EndReason endReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccessSession() {
    }

    AccessSession(AccessGrant grant, long userId, String reason, Instant now) {
        this.relationshipId = grant.relationshipId();
        this.partnerId = grant.partnerId();
        this.customerId = grant.customerId();
        this.customerName = grant.customerName();
        this.customerNumber = grant.customerNumber();
        this.partnerName = grant.partnerName();
        this.userId = userId;
        this.reason = reason;
        this.startedAt = now;
        this.lastActivityAt = now;
    }

    boolean isOpen() {
        return endedAt == null;
    }

    boolean isIdleAt(Instant now, Duration idleTimeout) {
        return lastActivityAt.plus(idleTimeout).isBefore(now);
    }

    /** Activity is worth writing down at most once a minute, so that every click does not write. */
    static final Duration ACTIVITY_RESOLUTION = Duration.ofSeconds(60);

    void end(EndReason why, Instant now) {
        if (endedAt == null) {
            endedAt = now;
            endReason = why;
        }
    }

    Long getId() {
        return id;
    }

    long getRelationshipId() {
        return relationshipId;
    }

    long getPartnerId() {
        return partnerId;
    }

    long getCustomerId() {
        return customerId;
    }

    long getUserId() {
        return userId;
    }

    String getReason() {
        return reason;
    }

    EndReason getEndReason() {
        return endReason;
    }

    /** Whether the session knows the names it began with (sessions begun before it kept them do not). */
    boolean knowsNames() {
        return customerName != null && customerNumber != null && partnerName != null;
    }

    String getCustomerName() {
        return customerName;
    }

    String getCustomerNumber() {
        return customerNumber;
    }

    String getPartnerName() {
        return partnerName;
    }
}
