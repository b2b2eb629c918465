package dev.kontor.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a person out when Vaadin closes their idle session. With {@code vaadin.closeIdleSessions=true} Vaadin closes
 * a session whose last real request is older than the session timeout, however many heartbeats an open tab sent
 * since; but it only takes its own part out of the HTTP session, and the heartbeats keep the HTTP session (and with
 * it the sign-in) alive. So when a request ends with the Vaadin part gone that it began with, the HTTP session ends.
 */
@Component
class IdleSignOut extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdleSignOut.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hadVaadinSession = holdsVaadinSession(request.getSession(false));
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (hadVaadinSession && session != null && !holdsVaadinSession(session)) {
                try {
                    session.invalidate();
                    log.debug("Signed out a session that Vaadin closed as idle");
                } catch (IllegalStateException endedAlready) {
                    // signed out by other means in the same request
                }
            }
        }
    }

    private static boolean holdsVaadinSession(HttpSession session) {
        if (session == null) {
            return false;
        }
        try {
            for (String name : Collections.list(session.getAttributeNames())) {
                if (session.getAttribute(name) instanceof VaadinSession) {
                    return true;
                }
            }
            return false;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
