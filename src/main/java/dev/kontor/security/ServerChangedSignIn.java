package dev.kontor.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a load balancer, a browser whose node went down arrives at another node with a session id that names the
 * lost node ({@code kontor.node.route}), a session nobody holds any more: Vaadin's sessions live in their node's
 * memory. Its page request is sent to sign in with the reason, so that the sign-in page can say that the server
 * changed and that everything saved is kept, and back to the same page after sign-in. Only page requests of a
 * browser whose session belonged to another node; on a single node (no route) this never acts.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class ServerChangedSignIn extends OncePerRequestFilter {

    static final String SIGN_IN = "login?server-changed";
    private static final Logger log = LoggerFactory.getLogger(ServerChangedSignIn.class);

    private final String route;
    private final VaadinDefaultRequestCache requestCache;

    ServerChangedSignIn(@Value("${kontor.node.route:}") String route, VaadinDefaultRequestCache requestCache) {
        this.route = route;
        this.requestCache = requestCache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return route.isBlank();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cameFromAnotherNode(request) || !isPage(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("A browser of node {} arrived on node {}: sent to sign in again", nodeOf(request.getRequestedSessionId()),
                route);
        requestCache.saveRequest(request, response);
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
