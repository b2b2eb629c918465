package dev.kontor.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An unlock link mailed to a person whose sign-in was slowed down. Only the hash of its token is kept. */
@Entity
@Table(name = "sign_in_unlock")
class SignInUnlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SignInUnlock() {
    }

    SignInUnlock(String tokenHash, long userId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UnlockState stateAt(Instant now) {
        if (usedAt != null) {
            return UnlockState.USED;
        }
        return expiresAt.isAfter(now) ? UnlockState.OPEN : UnlockState.EXPIRED;
    }

    void use(Instant now) {
        usedAt = now;
    }

    Long getId() {
        return id;
    }

    long getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
