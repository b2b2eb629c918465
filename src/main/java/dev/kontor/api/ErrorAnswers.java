package dev.kontor.api;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.security.PlainErrorPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answer to an error no page or endpoint answered itself, such as a request Spring Security's firewall refuses (a
 * path parameter, an encoded slash): in place of Spring Boot's whitelabel page, with its time stamp and framework
 * wording, Kontor's plain page in the asker's language, and under /api/ a problem like every other API answer. The
 * status stays the one the error was sent with.
 */
@Hidden
@Controller
class ErrorAnswers implements ErrorController {

    private final I18NProvider i18n;
    private final ApiProblems problems;

    ErrorAnswers(I18NProvider i18n, ApiProblems problems) {
        this.i18n = i18n;
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // asked for by its address rather than reached by an error, /error is no page
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer sent && sent >= 400
                ? sent : HttpServletResponse.SC_NOT_FOUND;
        if (response.isCommitted()) {
            return;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri && uri.startsWith("/api/")) {
            response.resetBuffer();
            PlainErrorPage.protect(response);
            problems.write(response, problem(status, request), null);
            return;
        }
        PlainErrorPage.write(response, status, PlainErrorPage.languageOf(request), i18n);
    }

    private ProblemDetail problem(int status, HttpServletRequest request) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answered = known == null ? HttpStatus.BAD_REQUEST : known;
        var language = ApiProblems.languageOf(request);
        if (status >= 500) {
            return problems.problem(answered, "unexpected", "error.unexpected", language);
        }
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            return problems.problem(answered, "not-found", "api.error.not-found", language);
        }
        if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            return problems.problem(answered, "method-not-allowed", "api.error.method-not-allowed", language);
        }
        return problems.problem(answered, "bad-request", "api.error.bad-request", language);
    }
}
