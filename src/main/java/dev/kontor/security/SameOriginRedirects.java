package dev.kontor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects within Kontor by path only. Spring Security builds the address it returns to after sign-in from the
 * request's Host header, which the client chooses; sent as a path, the browser stays on the host it asked, and a
 * forged Host header ends up in no {@code Location}.
 */
final class SameOriginRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        response.sendRedirect(response.encodeRedirectURL(pathOf(request.getContextPath(), url)));
    }

    /** The path and query of {@code url} below the application; anything unusable leads to the start page. */
    static String pathOf(String contextPath, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException unreadable) {
            return contextPath + "/";
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getScheme() == null && uri.getRawAuthority() == null) {
            // relative to the application, as Spring Security means it
            path = contextPath + (path.startsWith("/") ? path : "/" + path);
        }
        // "//host" would be another host to the browser
        while (path.startsWith("//")) {
            path = path.substring(1);
        }
        String query = uri.getRawQuery();
        return query == null ? path : path + "?" + query;
    }
}
