package dev.kontor.tenant;

import dev.kontor.base.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks an uploaded tenant logo by its content. The file name and the browser's declared type are deliberately
 * not asked for: both are chosen by the uploader, so a renamed executable must fail here on its bytes alone.
 */
public final class LogoCheck {

    public static final int MAX_BYTES = 200 * 1024;
    public static final int MAX_WIDTH = 400;
    public static final int MAX_HEIGHT = 120;

    static final String FIELD = "logo";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private LogoCheck() {
    }

    /**
     * Returns the logo to store, or throws {@link InvalidInput} for field {@code logo} with a
     * {@code tenant.logo.*} message key saying why it was refused.
     */
    public static CheckedLogo check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw refusal("tenant.logo.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (startsWith(upload, PNG_SIGNATURE)) {
            return raster(upload, CheckedLogo.PNG);
        }
        if (startsWith(upload, JPEG_START)) {
            return raster(upload, CheckedLogo.JPEG);
        }
        if (SvgInspector.looksLikeSvg(upload)) {
            CheckedLogo svg = SvgInspector.inspect(upload);
            requireWithinLimits(svg.width(), svg.height());
            // Re-serializing escapes some characters, so what is stored is measured again.
            if (svg.content().length > MAX_BYTES) {
                throw tooLarge();
            }
            return svg;
        }
        throw refusal("tenant.logo.unsupported");
    }

    static InvalidInput refusal(String messageKey, Object... arguments) {
        return new InvalidInput(FIELD, messageKey, arguments);
    }

    private static InvalidInput tooLarge() {
        return refusal("tenant.logo.too-large", MAX_BYTES / 1024);
    }

    private static void requireWithinLimits(int width, int height) {
        if (width > MAX_WIDTH || height > MAX_HEIGHT) {
            throw refusal("tenant.logo.dimensions", width, height, MAX_WIDTH, MAX_HEIGHT);
        }
    }

    private static CheckedLogo raster(byte[] upload, String mediaType) {
        // The reader is chosen by the type the magic bytes claim, so a PNG signature cannot smuggle in other formats.
        ImageReader reader = ImageIO.getImageReadersByMIMEType(mediaType).next();
        // A memory cache, because ImageIO's default stream may spill an upload into temporary files.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            // Before decoding: a tiny file may claim a huge canvas, and decoding it would exhaust the memory.
            requireWithinLimits(width, height);
            reader.read(0);
            return new CheckedLogo(mediaType, upload, width, height);
        } catch (InvalidInput e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refusal("tenant.logo.unreadable");
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
