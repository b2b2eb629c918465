package dev.kontor.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.kontor.tenant.CheckedLogo;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * A tenant's logo, or its name where it has none. The logo is always shown as an image, never inlined: an SVG's
 * styles then cannot reach the page around it.
 */
final class TenantLogoImage {

    /** A sandboxed document that may load nothing: scripts and links inside a logo stay dead. */
    static final String LOGO_POLICY = "sandbox; default-src 'none'";

    private TenantLogoImage() {
    }

    static Component of(String tenantName, Optional<CheckedLogo> logo) {
        if (logo.isEmpty()) {
            Span name = new Span(tenantName);
            name.addClassName("tenant-logo-name");
            // a name of up to 130 characters is cut on one line in the strip: whole on hover
            name.setTitle(tenantName);
            return name;
        }
        CheckedLogo checked = logo.get();
        byte[] content = checked.content();
        String extension = switch (checked.mediaType()) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            default -> "svg";
        };
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            // opened on its own (not as an image), an SVG would be a page of this origin: give it no powers
            event.getResponse().setHeader("Content-Security-Policy", LOGO_POLICY);
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            return new DownloadResponse(new ByteArrayInputStream(content), "logo." + extension,
                    checked.mediaType(), content.length);
        }), tenantName);
        image.addClassName("tenant-logo");
        return image;
    }
}
