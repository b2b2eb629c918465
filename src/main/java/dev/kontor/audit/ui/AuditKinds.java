package dev.kontor.audit.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The kinds of audit event a reader can filter by: every kind that has a text ({@code audit.kind.<CODE>}), for an
 * organization's reader only those their log holds. The
 * features name their kinds as constants of their own, and each has a text (the log would show its code otherwise),
 * so the bundle is the one list of them all.
 */
final class AuditKinds {

    private static final String PREFIX = "audit.kind.";
    private static final List<String> CODES = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
            .keySet().stream()
            .filter(key -> key.startsWith(PREFIX))
            .map(key -> key.substring(PREFIX.length()))
            .filter(code -> code.equals(code.toUpperCase(Locale.ROOT)))
            .sorted()
            .toList();

    private AuditKinds() {
    }

    /** The codes in the order of their labels in the reader's language. */
    static List<String> sortedBy(Function<String, String> label) {
        return sortedBy(label, code -> true);
    }

    /** The codes {@code shown} to the reader, in the order of their labels in the reader's language. */
    static List<String> sortedBy(Function<String, String> label, java.util.function.Predicate<String> shown) {
        return CODES.stream().filter(shown)
                .sorted(Comparator.comparing(label, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
