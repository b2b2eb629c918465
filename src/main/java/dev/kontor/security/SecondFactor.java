package dev.kontor.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person's authenticator: its encrypted secret, whether its set-up was finished, and the last step used. */
@Entity
@Table(name = "second_factor")
class SecondFactor {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "secret_cipher", nullable = false, length = 200)
    private String secretCipher;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_used_step", nullable = false)
    private long lastUsedStep;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SecondFactor() {
    }

    SecondFactor(long userId, String secretCipher, Instant createdAt) {
        this.userId = userId;
        this.secretCipher = secretCipher;
        this.createdAt = createdAt;
    }

    long userId() {
        return userId;
    }

    String secretCipher() {
        return secretCipher;
    }

    boolean confirmed() {
        return confirmedAt != null;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    void confirm(Instant now) {
        confirmedAt = now;
    }

    /** A set-up started again before it was finished: a new secret, nothing used yet. */
    void restart(String secretCipher, Instant now) {
        this.secretCipher = secretCipher;
        this.createdAt = now;
        this.lastUsedStep = 0;
    }
}
