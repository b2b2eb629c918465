package dev.kontor.api;

import dev.kontor.user.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each API request by its bearer token, alone: no session, no cookie. A request without a valid token
 * is answered 401 (all failures alike); a read token may only read; a token (and an address that keeps failing) is
 * held to its rate limit with 429 and Retry-After. The security context lives for this request only.
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
        Optional<Duration> blocked = limits.addressBlocked(address);
        if (blocked.isPresent()) {
            problems.write(response, problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "api.error.rate-limited", language, blocked.get().toSeconds()), blocked.get());
            return;
        }
        String header = request.getHeader("Authorization");
        Optional<AuthenticatedUser> caller = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authentication.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
        if (caller.isEmpty()) {
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
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller.get(), null,
                caller.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
