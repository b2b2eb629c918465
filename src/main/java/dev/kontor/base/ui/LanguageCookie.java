package dev.kontor.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import dev.kontor.base.SupportedLanguages;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the language a person chose in the browser beyond the session, so that the sign-in page after a session end
 * or a change of node speaks it too. The cookie holds only a language tag; anything else in it is ignored.
 */
final class LanguageCookie {

    static final String NAME = "kontor-language";
    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    private LanguageCookie() {
    }

    static Cookie of(Locale language) {
        Cookie cookie = new Cookie(NAME, SupportedLanguages.closestTo(language).toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    static void write(VaadinResponse response, Locale language) {
        if (response != null) {
            response.addCookie(of(language));
        }
    }

    /** The supported language the cookie names exactly, or nothing for a missing, malformed or forged value. */
    static Optional<Locale> read(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> NAME.equals(cookie.getName()))
                .map(Cookie::getValue)
                .map(LanguageCookie::supported)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Locale> supported(String value) {
        return SupportedLanguages.ALL.stream().filter(l -> l.toLanguageTag().equals(value)).findFirst();
    }
}
