package dev.kontor.base;

import java.util.Locale;
import java.util.Optional;

/** Remembers the language a signed-in person chose, so that it follows them to their next session. */
public interface LanguagePreference {

    Optional<Locale> rememberedLanguage();

    void rememberLanguage(Locale language);
}
