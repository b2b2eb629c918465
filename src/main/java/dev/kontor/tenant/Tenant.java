package dev.kontor.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What makes an organization of kind TENANT a tenant: its type, version, character set and settings. */
@Entity
@Table(name = "tenant")
class Tenant {

    @Id
    @Column(name = "organization_id")
    private Long organizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "tenant_type", nullable = false, length = 16)
    private TenantType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "edition", nullable = false, length = 16)
    private Edition edition;

    @Column(name = "character_set", nullable = false, length = 32)
    private String characterSet;

    @Column(name = "needs_configuration", nullable = false)
    private boolean needsConfiguration;

    @Column(name = "default_language", length = 8)
    private String defaultLanguage;

    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Column(name = "sender_name", length = TenantSettings.SENDER_NAME_MAX_LENGTH)
    private String senderName;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Tenant() {
    }

    Tenant(long organizationId, TenantType type, Edition edition, String characterSet) {
        this.organizationId = organizationId;
        this.type = type;
        this.edition = edition;
        this.characterSet = type == TenantType.STANDARD ? CharacterSets.UTF_8 : characterSet;
        // a CUSTOM tenant is set up by the provider's staff before it can be used
        this.needsConfiguration = type == TenantType.CUSTOM;
    }

    TenantSettings settings() {
        return new TenantSettings(defaultLanguage, timeZone, senderName);
    }

    /** Takes over the settings; returns how many of them changed (0 when they were equal already). */
    int apply(TenantSettings settings) {
        int changed = 0;
        if (!java.util.Objects.equals(defaultLanguage, settings.defaultLanguage())) {
            defaultLanguage = settings.defaultLanguage();
            changed++;
        }
        if (!java.util.Objects.equals(timeZone, settings.timeZone())) {
            timeZone = settings.timeZone();
            changed++;
        }
        if (!java.util.Objects.equals(senderName, settings.senderName())) {
            senderName = settings.senderName();
            changed++;
        }
        return changed;
    }

    long getOrganizationId() {
        return organizationId;
    }

    TenantType getType() {
        return type;
    }

    Edition getEdition() {
        return edition;
    }

    String getCharacterSet() {
        return characterSet;
    }

    boolean isNeedsConfiguration() {
        return needsConfiguration;
    }

    long getVersion() {
        return version;
    }
}
