package dev.kontor.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * After a failed sign-in the page comes back with the address the person typed, so that they only retype the
 * password. The address is kept in this browser's own session only, and nothing about whether it exists is said.
 * A failure of Kontor itself (the database, the audit log) is not the person's fault: the page says that Kontor cannot
 * sign anybody in right now, instead of coming back as if the password were wrong.
 */
public class SignInFailureKeepsEmail extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute the sign-in page reads (and removes) to fill in the address again. */
    public static final String TYPED_EMAIL = "kontor.sign-in.typed-email";

    /** Longer than any address Kontor stores; a longer one is not worth showing again. */
    private static final int LONGEST_ADDRESS = 320;

    private static final Logger log = LoggerFactory.getLogger(SignInFailureKeepsEmail.class);

    SignInFailureKeepsEmail() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank() && typed.length() <= LONGEST_ADDRESS) {
            request.getSession().setAttribute(TYPED_EMAIL, typed.strip());
        }
        if (exception instanceof AuthenticationServiceException) {
            log.error("Sign-in impossible for a fault of the server", exception);
            saveException(request, exception);
            getRedirectStrategy().sendRedirect(request, response, "/login?unavailable");
            return;
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
