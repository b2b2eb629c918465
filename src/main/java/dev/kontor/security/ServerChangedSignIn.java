package dev.kontor.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a load balancer, a browser whose node went down arrives at another node with a session id that names the
 * lost node ({@code kontor.node.route}), a session nobody holds any more: Vaadin's sessions live in their node's
 * memory. Its page request is sent to sign in with the reason, so that the sign-in page can say that the server
 * changed and that everything saved is kept, and back to the same page after sign-in. Vaadin's own requests (push
 * reconnect, uidl, heartbeat) often come first, a few seconds after the node died, and get a session here that
 * replaces the lost one: they leave a short-lived note cookie instead, and the next page (or sign-in page) of that
 * browser is sent to sign in with the reason all the same. On a single node (no route) this never acts.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class ServerChangedSignIn extends OncePerRequestFilter {

    static final String SIGN_IN = "login?server-changed";
    /** A cookie that only says "the server changed", for the sign-in page after Vaadin's own requests. */
    static final String NOTE = "kontor-server-changed";
    private static final Duration NOTE_LIFETIME = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ServerChangedSignIn.class);

    private final String route;
    private final VaadinDefaultRequestCache requestCache;
    private final SavedPageOwner savedPageOwner;

    ServerChangedSignIn(@Value("${kontor.node.route:}") String route, VaadinDefaultRequestCache requestCache,
                        SavedPageOwner savedPageOwner) {
        this.route = route;
        this.requestCache = requestCache;
        this.savedPageOwner = savedPageOwner;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return route.isBlank();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean foreign = cameFromAnotherNode(request);
        boolean noted = hasNote(request);
        if (foreign && !isPage(request)) {
            // Vaadin's reconnect (push, uidl, heartbeat) often arrives first and gets a session of this node, whose
            // cookie replaces the lost one: the note keeps the reason for the sign-in page that follows
            if (!noted) {
                note(request, response, NOTE_LIFETIME);
            }
            chain.doFilter(request, response);
            return;
        }
        if (!foreign && (!noted || signedIn(request))) {
            if (noted && signedIn(request)) {
                note(request, response, Duration.ZERO);
            }
            chain.doFilter(request, response);
            return;
        }
        if (isSignInPage(request)) {
            if (request.getParameter("server-changed") == null) {
                note(request, response, Duration.ZERO);
                response.sendRedirect(request.getContextPath() + "/" + SIGN_IN);
                return;
            }
            note(request, response, Duration.ZERO);
            chain.doFilter(request, response);
            return;
        }
        if (!isPage(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("A browser of another node arrived on node {}: sent to sign in again", route);
        requestCache.saveRequest(request, response);
        savedPageOwner.rememberWithSavedPage(request);
        if (noted) {
            note(request, response, Duration.ZERO);
        }
        if (request.getSession(false) == null) {
            // no new session replaces the dead node's cookie: drop it, so that the balancer stops aiming at that node
            Cookie dropped = new Cookie(sessionCookieName(request), "");
            dropped.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            dropped.setMaxAge(0);
            dropped.setHttpOnly(true);
            response.addCookie(dropped);
        }
        response.sendRedirect(request.getContextPath() + "/" + SIGN_IN);
    }

    private static boolean hasNote(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> NOTE.equals(c.getName()));
    }

    /** Only that the server changed: the note names neither the lost session nor its node. */
    private static void note(HttpServletRequest request, HttpServletResponse response, Duration lifetime) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NOTE, lifetime.isZero() ? "" : "1")
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(lifetime)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build().toString());
    }

    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.isRequestedSessionIdValid() ? request.getSession(false) : null;
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    private static boolean isSignInPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && request.getParameter("v-r") == null
                && accept != null && accept.contains("text/html") && "/login".equals(path);
    }

    private boolean cameFromAnotherNode(HttpServletRequest request) {
        String requested = request.getRequestedSessionId();
        if (requested == null || request.isRequestedSessionIdValid()) {
            return false;
        }
        String node = nodeOf(requested);
        return node != null && !node.equals(route);
    }

    /** A page the browser navigates to; not Vaadin's own requests, files, health checks or the sign-in itself. */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && request.getParameter("v-r") == null
                && accept != null && accept.contains("text/html")
                && !path.startsWith("/VAADIN/") && !path.startsWith("/actuator") && !path.startsWith("/login");
    }

    private static String nodeOf(String sessionId) {
        int dot = sessionId.lastIndexOf('.');
        return dot < 0 || dot == sessionId.length() - 1 ? null : sessionId.substring(dot + 1);
    }

    private static String sessionCookieName(HttpServletRequest request) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        return name == null ? "JSESSIONID" : name;
    }
}
