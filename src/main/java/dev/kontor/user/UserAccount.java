package dev.kontor.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A person who can sign in. The e-mail address is the login and is kept lower-case. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int DISPLAY_NAME_MAX_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email", nullable = false, length = EMAIL_MAX_LENGTH)
    private String email;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    /** The name folded for searching, a column the database computes (V0038): for queries only, never written. */
    @Column(name = "search_key", insertable = false, updatable = false)
    private String searchKey;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "preferred_language", length = 8)
    private String preferredLanguage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
    }

    UserAccount(EmailAddress email, String displayName, String passwordHash, Instant createdAt) {
        this.email = email.value();
        this.displayName = Objects.requireNonNull(displayName);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public Optional<Locale> getPreferredLanguage() {
        return Optional.ofNullable(preferredLanguage).map(Locale::forLanguageTag);
    }

    void setPreferredLanguage(Locale language) {
        this.preferredLanguage = language.toLanguageTag();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof UserAccount other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return UserAccount.class.hashCode();
    }
}
