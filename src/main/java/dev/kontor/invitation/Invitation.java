package dev.kontor.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An invitation sent by e-mail. Only the hash of its token is kept; the token itself exists only in the link. */
@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 32)
    private InvitationPurpose purpose;

    @Column(name = "organization_id", nullable = false)
    private Long organizationId;

    @Column(name = "membership_id")
    private Long membershipId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "invited_by")
    private Long invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Invitation() {
    }

    Invitation(String tokenHash, InvitationPurpose purpose, long organizationId, long membershipId, long userId,
               Long invitedBy, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.organizationId = organizationId;
        this.membershipId = membershipId;
        this.userId = userId;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    InvitationState stateAt(Instant now) {
        if (acceptedAt != null) {
            return InvitationState.USED;
        }
        if (revokedAt != null) {
            return InvitationState.REVOKED;
        }
        return expiresAt.isAfter(now) ? InvitationState.OPEN : InvitationState.EXPIRED;
    }

    void accept(Instant now) {
        acceptedAt = now;
    }

    void revoke(Instant now) {
        if (acceptedAt == null && revokedAt == null) {
            revokedAt = now;
        }
    }

    Long getId() {
        return id;
    }

    InvitationPurpose getPurpose() {
        return purpose;
    }

    long getOrganizationId() {
        return organizationId;
    }

    Long getMembershipId() {
        return membershipId;
    }

    long getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    /** The person who invited; empty when Kontor itself did (the first provider administrator). */
    java.util.Optional<Long> getInvitedBy() {
        return java.util.Optional.ofNullable(invitedBy);
    }
}
