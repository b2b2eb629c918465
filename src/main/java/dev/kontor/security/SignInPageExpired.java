package dev.kontor.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A sign-in posted from a page whose session has ended (left open over a laptop's sleep, or past the sign-in page's
 * timeout) carries a token the server no longer knows: it goes back to the sign-in page with the reason, instead of
 * landing there without a word. Nobody is signed in, and nothing the post carried is kept (it may come from another
 * site). Every other refusal is answered as before.
 */
class SignInPageExpired implements AccessDeniedHandler {

    static final String SIGN_IN = "/login?expired";

    private final AccessDeniedHandler others;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    SignInPageExpired(AccessDeniedHandler others) {
        this.others = others;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (refusal instanceof CsrfException && isSignInPost(request)) {
            redirects.sendRedirect(request, response, SIGN_IN);
            return;
        }
        others.handle(request, response, refusal);
    }

    private static boolean isSignInPost(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && "/login".equals(path);
    }
}
