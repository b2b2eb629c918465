package dev.kontor.api;

import dev.kontor.base.InvalidInput;
import dev.kontor.base.TextRules;
import dev.kontor.user.ApiTokenIdentity;
import dev.kontor.user.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each API request by its bearer token, alone: no session, no cookie. A request without a valid token
 * is answered 401 (all failures alike); a read token may only read; a token (and an address that keeps failing) is
 * held to its rate limit with 429 and Retry-After. A reason in the Kontor-Access-Reason header is checked like the
 * access page's reason and goes with the token's identity, where the customer's rules for partner access (and the
 * audit log) find it. The security context lives for this request only.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthentication authentication;
    private final ApiRateLimits limits;
    private final ApiProblems problems;

    ApiTokenFilter(ApiTokenAuthentication authentication, ApiRateLimits limits, ApiProblems problems) {
        this.authentication = authentication;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the description of the API is public: it tells what exists, never what data there is
        return request.getRequestURI().equals(request.getContextPath() + "/api/v1/openapi.json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var language = ApiProblems.languageOf(request);
        String address = request.getRemoteAddr();
        String header = request.getHeader("Authorization");
        Optional<AuthenticatedUser> caller = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authentication.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
        if (caller.isEmpty()) {
            // the address limit holds guessing only: a valid token from the same address (an integration sharing a
            // host or a NAT with whoever guesses) is held by its own limit alone
            Optional<Duration> blocked = limits.addressBlocked(address);
            if (blocked.isPresent()) {
                problems.write(response, problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        "api.error.rate-limited", language, blocked.get().toSeconds()), blocked.get());
                return;
            }
            limits.takeFailure(address);
            problems.write(response, problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "api.error.unauthenticated", language), null);
            return;
        }
        var token = caller.get().apiToken().orElseThrow();
        Optional<Duration> wait = limits.takeForToken(token.tokenId());
        if (wait.isPresent()) {
            problems.write(response, problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "api.error.rate-limited", language, wait.get().toSeconds()), wait.get());
            return;
        }
        if (!token.mayWrite() && !READING.contains(request.getMethod())) {
            problems.write(response, problems.problem(HttpStatus.FORBIDDEN, "read-only", "api.error.read-only",
                    language), null);
            return;
        }
        AuthenticatedUser user = caller.get();
        String reason = request.getHeader(ApiTokenIdentity.ACCESS_REASON_HEADER);
        if (reason != null) {
            try {
                String checked = TextRules.mailedText(ApiTokenIdentity.ACCESS_REASON_HEADER, utf8(reason),
                        ApiTokenIdentity.ACCESS_REASON_MAX_LENGTH);
                if (checked != null) {
                    user = AuthenticatedUser.forApiToken(token.withAccessReason(checked), user.getAuthorities());
                }
            } catch (InvalidInput invalid) {
                ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input",
                        invalid.messageKey(), language, invalid.arguments());
                problem.setProperty("field", invalid.field());
                problems.write(response, problem, null);
                return;
            }
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * A header's text as sent: the servlet container reads header bytes as ISO-8859-1, so a reason a client sent in
     * UTF-8 (umlauts, say) is decoded again as UTF-8. Bytes that are no UTF-8 (Latin-1 text, say) are refused as any
     * bad input is, rather than guessed at: the audit log keeps the reason as the client meant it, or not at all.
     */
    static String utf8(String header) {
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidInput(ApiTokenIdentity.ACCESS_REASON_HEADER, "api.error.access-reason-not-utf8");
        }
    }
}
