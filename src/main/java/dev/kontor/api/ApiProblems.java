package dev.kontor.api;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details in the words of the UI: title and detail come from the translation bundle, in the language
 * the request's Accept-Language asks for (English or German), with the offending field where there is one.
 */
@Component
class ApiProblems {

    static final String TYPE_BASE = "https://kontor.dev/problems/";

    private final I18NProvider i18n;
    private final JsonMapper json;

    ApiProblems(I18NProvider i18n, JsonMapper json) {
        this.i18n = i18n;
        this.json = json;
    }

    static Locale languageOf(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? SupportedLanguages.ENGLISH
                : SupportedLanguages.closestTo(request.getLocale());
    }

    /** A problem whose type and title follow from its code ({@code api.problem.<code>.title}). */
    ProblemDetail problem(HttpStatus status, String code, String messageKey, Locale language, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(i18n.getTranslation("api.problem." + code + ".title", language));
        problem.setDetail(i18n.getTranslation(messageKey, language, arguments));
        return problem;
    }

    /** For the filter, which answers before any controller (and its advice) is reached. */
    void write(HttpServletResponse response, ProblemDetail problem, Duration retryAfter) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kontor\"");
        }
        if (retryAfter != null) {
            response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
