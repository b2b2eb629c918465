package dev.kontor.security;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.security.core.Authentication;

/**
 * After sign-in, back to the page asked for before it (or the start page), by path. Vaadin's handler also echoes
 * the saved address, built from the client's Host header, in a {@code Saved-url} header for its TypeScript client;
 * Kontor has no such client, so the header is not sent.
 */
final class SignedInRedirect extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

    private static final String SAVED_URL = "Saved-url";

    SignedInRedirect() {
        setRedirectStrategy(new SameOriginRedirects());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        super.onAuthenticationSuccess(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!SAVED_URL.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!SAVED_URL.equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        }, authentication);
    }
}
