package dev.kontor.api;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.partner.RequestsPaused;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's answers to the services' refusals, in the words the UI uses. A refusal for lack of rights is a 404 that
 * reads the same as for an id that names nothing, so that no answer tells whether something exists.
 */
@RestControllerAdvice(assignableTypes = {PartnerApi.class, OrganizationApi.class, AuditApi.class, ProviderApi.class,
        ApiFallback.class})
class ApiExceptionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;
    private final java.time.Clock clock;

    ApiExceptionHandler(ApiProblems problems, java.time.Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        if (INVITATION_LIMIT.equals(e.messageKey()) && e.arguments().length == 1
                && e.arguments()[0] instanceof Long minutes) {
            // not bad input: the same call is taken again later, so it is said as every rate limit of the API is
            ProblemDetail problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-invitations",
                    e.messageKey(), ApiProblems.languageOf(request), e.arguments());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(minutes * 60)).body(problem);
        }
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", e.messageKey(),
                ApiProblems.languageOf(request), e.arguments());
        problem.setProperty("field", e.field());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /** The message of the invitation limit ({@code InvitationLimit}), whose one argument is the minutes to wait. */
    private static final String INVITATION_LIMIT = "invitation.too-many";

    /** A PUT without all of what it replaces: the bad-input problem, naming the first missing member and all. */
    @ExceptionHandler(IncompleteReplacement.class)
    ProblemDetail incomplete(IncompleteReplacement e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input",
                e.messageKey(), ApiProblems.languageOf(request), String.join(", ", e.fields()));
        problem.setProperty("field", e.fields().getFirst());
        problem.setProperty("fields", e.fields());
        return problem;
    }

    /**
     * The partner's relationship requests matched no account too often today: every request pauses until the moment
     * said (in UTC, and as Retry-After in seconds), matching or not.
     */
    @ExceptionHandler(RequestsPaused.class)
    ResponseEntity<ProblemDetail> paused(RequestsPaused e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-mismatches",
                e.messageKey(), ApiProblems.languageOf(request), e.until().toString());
        problem.setProperty("field", e.field());
        problem.setProperty("retryAt", e.until().toString());
        long seconds = Math.max(1, java.time.Duration.between(clock.instant(), e.until()).toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail rule(RuleViolation e, HttpServletRequest request) {
        return problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", e.messageKey(),
                ApiProblems.languageOf(request), e.arguments());
    }

    @ExceptionHandler({AccessRefused.class, NotFound.class})
    ProblemDetail refused(RuntimeException e, HttpServletRequest request) {
        return problems.problem(HttpStatus.NOT_FOUND, "not-found", "api.error.not-found",
                ApiProblems.languageOf(request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        return problems.problem(HttpStatus.FORBIDDEN, "forbidden", "api.error.forbidden",
                ApiProblems.languageOf(request));
    }

    @ExceptionHandler(StaleData.class)
    ProblemDetail stale(StaleData e, HttpServletRequest request) {
        return problems.problem(HttpStatus.CONFLICT, "conflict", e.messageKey(), ApiProblems.languageOf(request));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, BadCursor.class})
    ProblemDetail unreadable(Exception e, HttpServletRequest request) {
        return problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "api.error.bad-request",
                ApiProblems.languageOf(request));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedBody(Exception e, HttpServletRequest request) {
        return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "api.error.unsupported-media-type", ApiProblems.languageOf(request));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(Exception e, HttpServletRequest request) {
        // the problem itself is still written as application/problem+json, the one thing this API speaks
        return problems.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "api.error.not-acceptable",
                ApiProblems.languageOf(request));
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(Exception e, HttpServletRequest request) {
        return problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "api.error.method-not-allowed",
                ApiProblems.languageOf(request));
    }

    @ExceptionHandler(IdempotentCreates.KeyReused.class)
    ProblemDetail keyReused(RuntimeException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "api.error.idempotency-key-reused", ApiProblems.languageOf(request));
        problem.setProperty("field", IdempotentCreates.HEADER);
        return problem;
    }

    @ExceptionHandler(IdempotentCreates.KeyInFlight.class)
    ProblemDetail keyInFlight(RuntimeException e, HttpServletRequest request) {
        return problems.problem(HttpStatus.CONFLICT, "idempotency-key-in-flight",
                "api.error.idempotency-key-in-flight", ApiProblems.languageOf(request));
    }

    /**
     * Anything else is Kontor's fault: said as the UI says it, logged, never a stack trace for the client. A caller
     * that closed the connection is not: a line at DEBUG and no answer.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        if (dev.kontor.base.ClientGone.is(e)) {
            // the caller hung up: there is nobody to answer, and nothing went wrong here
            LOG.debug("API request {} {}: client gone ({})", request.getMethod(), request.getRequestURI(),
                    dev.kontor.base.ClientGone.describe(e));
            return null;
        }
        LOG.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", "error.unexpected",
                ApiProblems.languageOf(request));
    }

    /** An id in the path that names nothing the caller may see. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }

    /** A cursor this API did not hand out. */
    static final class BadCursor extends RuntimeException {
        BadCursor() {
            super("bad cursor", null, false, false);
        }
    }
}
