package dev.kontor.security;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Kontor's page for a request refused before any of its pages could answer (by Tomcat, by Spring Security's firewall):
 * a title, a sentence and a link to the start page in the asker's language. It names no server, time or cause, runs
 * nothing and loads nothing, so it stands under the strictest policy and needs no session.
 */
public final class PlainErrorPage {

    private PlainErrorPage() {
    }

    /** The language the request asks for; a request broken anywhere may not read, and gets English. */
    public static Locale languageOf(HttpServletRequest request) {
        try {
            return request.getHeader("Accept-Language") == null ? SupportedLanguages.ENGLISH
                    : SupportedLanguages.closestTo(request.getLocale());
        } catch (RuntimeException unreadable) {
            return SupportedLanguages.ENGLISH;
        }
    }

    /** The page for an answer with this status. */
    public static String html(int status, Locale language, I18NProvider i18n) {
        String kind = status == HttpServletResponse.SC_NOT_FOUND ? "error.not-found"
                : status >= 500 ? "error.plain.failed"
                : status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN
                        ? "error.plain.refused" : "error.plain.bad-request";
        String title = text(i18n, kind + ".title", language);
        String message = text(i18n, status >= 500 ? "error.unexpected" : kind + ".message", language);
        return "<!DOCTYPE html>\n<html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " | Kontor</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:40rem;padding:0 1rem;"
                + "line-height:1.5;color:#1a1a1a}a{color:#0b57d0}</style></head>"
                + "<body><main><h1>" + title + "</h1><p>" + message + "</p>"
                + "<p><a href=\"/\">" + text(i18n, "error.plain.start-page", language) + "</a></p></main></body></html>";
    }

    /**
     * Kontor's protective headers for a page that loads and runs nothing. Written here because a refused request
     * reaches its error page without passing Spring Security's header writer, which skips error dispatches.
     */
    public static void protect(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", ServerErrorPages.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY);
        response.setHeader("Cache-Control", "no-store");
    }

    /**
     * Writes the page, with its protective headers, in place of whatever was begun, with a fixed length so that no
     * chunk is left half-written.
     */
    public static void write(HttpServletResponse response, int status, Locale language, I18NProvider i18n)
            throws IOException {
        byte[] body = html(status, language, i18n).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        protect(response);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", language.getLanguage());
        response.setContentLength(body.length);
        OutputStream out = response.getOutputStream();
        out.write(body);
        out.flush();
    }

    private static String text(I18NProvider i18n, String key, Locale language) {
        return HtmlUtils.htmlEscape(i18n.getTranslation(key, language), StandardCharsets.UTF_8.name());
    }
}
