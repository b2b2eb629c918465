package dev.kontor.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's logo as it passed {@link LogoCheck}: only checked content is ever stored. */
@Entity
@Table(name = "tenant_logo")
class TenantLogo {

    @Id
    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "media_type", nullable = false, length = 32)
    private String mediaType;

    @Column(name = "content", nullable = false, length = LogoCheck.MAX_BYTES)
    private byte[] content;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected TenantLogo() {
    }

    TenantLogo(long organizationId, CheckedLogo logo, Instant now) {
        this.organizationId = organizationId;
        replace(logo, now);
    }

    void replace(CheckedLogo logo, Instant now) {
        this.mediaType = logo.mediaType();
        this.content = logo.content().clone();
        this.width = logo.width();
        this.height = logo.height();
        this.sha256 = logo.sha256();
        this.uploadedAt = now;
    }

    CheckedLogo toChecked() {
        return new CheckedLogo(mediaType, content.clone(), width, height);
    }

    String getSha256() {
        return sha256;
    }
}
