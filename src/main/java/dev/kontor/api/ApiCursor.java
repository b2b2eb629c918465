package dev.kontor.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a list: where the next page starts. Clients pass it back as it is; one they made up is a
 * 400, never a stack trace.
 */
final class ApiCursor {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private ApiCursor() {
    }

    static String of(String kind, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor of this kind names; 0 (the start) for none. */
    static long position(String kind, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(kind + ":")) {
                throw new ApiExceptionHandler.BadCursor();
            }
            long position = Long.parseLong(text.substring(kind.length() + 1));
            if (position < 0) {
                throw new ApiExceptionHandler.BadCursor();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw new ApiExceptionHandler.BadCursor();
        }
    }

    static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new ApiExceptionHandler.BadCursor();
        }
        return requested;
    }
}
