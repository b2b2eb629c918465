package dev.kontor.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A cluster or product that a customer account runs (table {@code service}). */
@Entity
@Table(name = "service")
class HostedService {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organization_id", nullable = false)
    private Long organizationId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private ServiceKind kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the account stopped running it; an ended service shows nowhere but stays in the audit log's words. */
    @Column(name = "ended_at")
    private Instant endedAt;

    @jakarta.persistence.Version
    @Column(name = "version", nullable = false)
    private long version;

    protected HostedService() {
    }

    HostedService(long organizationId, String name, ServiceKind kind, Instant createdAt) {
        this.organizationId = organizationId;
        this.name = name;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void end(Instant at) {
        this.endedAt = at;
    }

    Long getId() {
        return id;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getEndedAt() {
        return endedAt;
    }

    long getVersion() {
        return version;
    }

    ServiceRow row() {
        return new ServiceRow(id, name, kind, createdAt, endedAt, version);
    }

    Long getOrganizationId() {
        return organizationId;
    }

    String getName() {
        return name;
    }

    ServiceKind getKind() {
        return kind;
    }
}
