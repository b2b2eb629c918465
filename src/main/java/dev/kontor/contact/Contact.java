package dev.kontor.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A person to notify for one organization; linked to one of its users, or a person without access. */
@Entity
@Table(name = "contact")
class Contact {

    static final int NAME_MAX_LENGTH = 100;
    static final int JOB_TITLE_MAX_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organization_id", nullable = false)
    private long organizationId;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "first_name", nullable = false, length = NAME_MAX_LENGTH)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = NAME_MAX_LENGTH)
    private String lastName;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "phone", length = 20)
    private String phone;

    @Column(name = "job_title", length = JOB_TITLE_MAX_LENGTH)
    private String jobTitle;

    @Column(name = "billing", nullable = false)
    private boolean billing;

    @Column(name = "technical", nullable = false)
    private boolean technical;

    @Column(name = "business", nullable = false)
    private boolean business;

    @Column(name = "pending_email", length = 254)
    private String pendingEmail;

    @Column(name = "pending_token_hash", length = 64)
    private String pendingTokenHash;

    @Column(name = "pending_expires_at")
    private Instant pendingExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Contact() {
    }

    Contact(long organizationId, Long userId, ContactDetails details, String email, Instant now) {
        this.organizationId = organizationId;
        this.userId = userId;
        this.email = email;
        this.createdAt = now;
        describe(details);
    }

    /** Takes over names, phone, job title and types (the e-mail address has rules of its own). */
    void describe(ContactDetails details) {
        this.firstName = details.firstName();
        this.lastName = details.lastName();
        this.phone = details.phone();
        this.jobTitle = details.jobTitle();
        this.billing = details.types().contains(ContactType.BILLING);
        this.technical = details.types().contains(ContactType.TECHNICAL);
        this.business = details.types().contains(ContactType.BUSINESS);
    }

    void changeEmail(String newEmail) {
        this.email = newEmail;
        clearPending();
    }

    void awaitConfirmation(String newEmail, String tokenHash, Instant expiresAt) {
        this.pendingEmail = newEmail;
        this.pendingTokenHash = tokenHash;
        this.pendingExpiresAt = expiresAt;
    }

    void clearPending() {
        this.pendingEmail = null;
        this.pendingTokenHash = null;
        this.pendingExpiresAt = null;
    }

    Set<ContactType> types() {
        Set<ContactType> types = EnumSet.noneOf(ContactType.class);
        if (billing) {
            types.add(ContactType.BILLING);
        }
        if (technical) {
            types.add(ContactType.TECHNICAL);
        }
        if (business) {
            types.add(ContactType.BUSINESS);
        }
        return types;
    }

    boolean isLinked() {
        return userId != null;
    }

    Long getId() {
        return id;
    }

    long getOrganizationId() {
        return organizationId;
    }

    Long getUserId() {
        return userId;
    }

    String getFirstName() {
        return firstName;
    }

    String getLastName() {
        return lastName;
    }

    String getEmail() {
        return email;
    }

    String getPhone() {
        return phone;
    }

    String getJobTitle() {
        return jobTitle;
    }

    String getPendingEmail() {
        return pendingEmail;
    }

    Instant getPendingExpiresAt() {
        return pendingExpiresAt;
    }

    long getVersion() {
        return version;
    }
}
