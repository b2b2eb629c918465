package dev.kontor.security;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After sign-in, back to the page asked for before it (or the start page), by path. Vaadin's handler hands the saved
 * address (built from the client's Host header) to its own target lookup through a {@code Saved-url} response header,
 * which would also reach the browser; Kontor has no TypeScript client that reads it, so the header is kept for that
 * lookup and never sent. A page saved when the browser's server went down is used only for the person who was on it
 * ({@link SavedPageOwner}).
 */
final class SignedInRedirect extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

    private static final String SAVED_URL = "Saved-url";

    private final SavedPageOwner savedPageOwner;
    private final SecondStep secondStep;
    private RequestCache requestCache;

    SignedInRedirect(SavedPageOwner savedPageOwner, SecondStep secondStep) {
        this.savedPageOwner = savedPageOwner;
        this.secondStep = secondStep;
        setRedirectStrategy(new SameOriginRedirects());
    }

    @Override
    public void setRequestCache(RequestCache requestCache) {
        super.setRequestCache(requestCache);
        this.requestCache = requestCache;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        if (savedPageOwner.signedIn(request, response, authentication) && requestCache != null) {
            // the page of the person before, saved when their server went down: not this person's business
            requestCache.removeRequest(request, response);
        }
        Optional<String> step = secondStep.stepAfterPassword(request, response, authentication);
        if (step.isPresent()) {
            // the saved page stays in the session for the code (or set-up) page to go on to
            getRedirectStrategy().sendRedirect(request, response, step.get());
            return;
        }
        super.onAuthenticationSuccess(request, new HttpServletResponseWrapper(response) {
            private String savedUrl;

            @Override
            public void setHeader(String name, String value) {
                if (SAVED_URL.equalsIgnoreCase(name)) {
                    savedUrl = value;
                } else {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (SAVED_URL.equalsIgnoreCase(name)) {
                    savedUrl = value;
                } else {
                    super.addHeader(name, value);
                }
            }

            @Override
            public String getHeader(String name) {
                return SAVED_URL.equalsIgnoreCase(name) ? savedUrl : super.getHeader(name);
            }

            @Override
            public boolean containsHeader(String name) {
                return SAVED_URL.equalsIgnoreCase(name) ? savedUrl != null : super.containsHeader(name);
            }
        }, authentication);
    }
}
