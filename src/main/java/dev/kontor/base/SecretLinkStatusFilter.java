package dev.kontor.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives the first GET of a secret link page the status of its link: 404 for an unknown link, 410 for a closed one.
 * Vaadin answers every known route with its bootstrap page and 200, and tells a closed link only in the following
 * request; the page itself is still served unchanged, so the person sees the same friendly closed-link page.
 */
@Component
class SecretLinkStatusFilter extends OncePerRequestFilter {

    private final List<SecretLinkPage> pages;

    SecretLinkStatusFilter(List<SecretLinkPage> pages) {
        this.pages = List.copyOf(pages);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Vaadin's own requests (init, UIDL, heartbeat) carry v-r and belong to an already loaded page
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (SecretLinkPage page : pages) {
            if (path.startsWith(page.pathPrefix())) {
                String rawToken = path.substring(page.pathPrefix().length());
                if (!rawToken.isEmpty() && rawToken.indexOf('/') < 0) {
                    // the router hands the page its token as the address spells it, still encoded (as PageStatus)
                    int status = switch (page.worthOf(rawToken)) {
                        case OPEN -> HttpServletResponse.SC_OK;
                        case CLOSED -> HttpServletResponse.SC_GONE;
                        case UNKNOWN -> HttpServletResponse.SC_NOT_FOUND;
                    };
                    if (status != HttpServletResponse.SC_OK) {
                        response.setStatus(status);
                        chain.doFilter(request, new KeptStatus(response));
                        return;
                    }
                }
                break;
            }
        }
        chain.doFilter(request, response);
    }

    /** Keeps the link's status against the 200 that the page rendering sets; errors and redirects still pass. */
    private static final class KeptStatus extends HttpServletResponseWrapper {

        KeptStatus(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            if (status < 200 || status >= 300) {
                super.setStatus(status);
            }
        }
    }
}
