package dev.kontor.base;

import java.util.List;
import java.util.Locale;

/** The languages Kontor speaks; the first is the fallback. */
public final class SupportedLanguages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;
    public static final List<Locale> ALL = List.of(ENGLISH, GERMAN);

    private SupportedLanguages() {
    }

    /** The supported language closest to the given one (by language only), English otherwise. */
    public static Locale closestTo(Locale requested) {
        if (requested == null) {
            return ENGLISH;
        }
        return ALL.stream()
                .filter(l -> l.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }
}
