package dev.kontor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a session nobody has signed in to (the sign-in page, and the page a person lands on after signing out) a
 * shorter life than a signed-in person's: every signed-out user leaves one behind, and with the full timeout a node
 * held about two and a half sessions per concurrent user (docs/performance-load.md). It must outlast two of Vaadin's
 * 5-minute heartbeats, so that an open sign-in page is not closed between two of them; Vaadin closes an idle one
 * after it all the same ({@code vaadin.closeIdleSessions}), and the page then reloads with a fresh session.
 * <p>
 * Wrapped around the security filters, so that it sees the session as a sign-in left it: a person who has just signed
 * in gets the full timeout in the same request.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 5)
class SessionTimeouts extends OncePerRequestFilter {

    static final int DEFAULT_SIGN_IN_PAGE_TIMEOUT_SECONDS = 12 * 60;

    private final int signedInSeconds;
    private final int signInPageSeconds;

    SessionTimeouts(@Value("${server.servlet.session.timeout:30m}") Duration signedIn,
                    @Value("${kontor.session.sign-in-page-timeout:" + DEFAULT_SIGN_IN_PAGE_TIMEOUT_SECONDS + "s}")
                    Duration signInPage) {
        this.signedInSeconds = Math.toIntExact(signedIn.toSeconds());
        this.signInPageSeconds = Math.toIntExact(signInPage.toSeconds());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null) {
                fit(session);
            }
        }
    }

    private void fit(HttpSession session) {
        try {
            int timeout = signedIn(session) ? signedInSeconds : signInPageSeconds;
            if (session.getMaxInactiveInterval() != timeout) {
                session.setMaxInactiveInterval(timeout);
            }
        } catch (IllegalStateException invalidated) {
            // signed out in this request: the next session starts with its own timeout
        }
    }

    private static boolean signedIn(HttpSession session) {
        Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(stored instanceof SecurityContext context)) {
            return false;
        }
        Authentication authentication = context.getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
