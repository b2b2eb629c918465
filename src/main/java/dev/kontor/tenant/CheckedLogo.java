package dev.kontor.tenant;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * A logo that passed {@link LogoCheck}: the bytes to store (for SVG the re-serialized document that was checked,
 * not the upload) with its media type and size in pixels.
 */
public record CheckedLogo(String mediaType, byte[] content, int width, int height) {

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String SVG = "image/svg+xml";

    private static final Set<String> MEDIA_TYPES = Set.of(PNG, JPEG, SVG);

    public CheckedLogo {
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("Not a logo media type: " + mediaType);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A logo needs a positive size, not " + width + "x" + height);
        }
        // Copied in and out: the bytes were checked, so nobody may change them afterwards.
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The SHA-256 of the content in lower-case hex, e.g. for cache-busting URLs or spotting an unchanged upload. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckedLogo that
                && mediaType.equals(that.mediaType)
                && width == that.width
                && height == that.height
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(mediaType, width, height) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "CheckedLogo[" + mediaType + ", " + width + "x" + height + " px, " + content.length + " bytes]";
    }
}
