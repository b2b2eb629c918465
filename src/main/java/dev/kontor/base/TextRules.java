package dev.kontor.base;

/**
 * Checks shared by every form: trimmed text, a maximum length, and no angle brackets, so that nothing a person types
 * can ever be taken for markup, here or in any system that later shows it.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The trimmed text, or {@code null} when it is empty. */
    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static boolean containsMarkup(String text) {
        return text != null && (text.indexOf('<') >= 0 || text.indexOf('>') >= 0);
    }

    /** Refuses text that is too long or contains markup characters; {@code null} passes. */
    public static String check(String field, String text, int maxLength) {
        String value = trimToNull(text);
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidInput(field, "validation.too-long", maxLength);
        }
        if (containsMarkup(value)) {
            throw new InvalidInput(field, "validation.no-markup");
        }
        return value;
    }

    /** The text cut to at most {@code max} characters, ending in "…" where it was cut. */
    public static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Like {@link #check} but the field must not be empty. */
    public static String required(String field, String text, int maxLength) {
        String value = check(field, text, maxLength);
        if (value == null) {
            throw new InvalidInput(field, "validation.required");
        }
        return value;
    }
}
