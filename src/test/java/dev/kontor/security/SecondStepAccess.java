package dev.kontor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Lets view tests of other packages put a password step in a session, as the sign-in form does. */
public final class SecondStepAccess {

    private SecondStepAccess() {
    }

    /** The page of the step still needed after this password (the code, or setting up an authenticator), if any. */
    public static Optional<String> passwordAccepted(SecondStep secondStep, HttpServletRequest request,
                                                    HttpServletResponse response, Authentication password) {
        return secondStep.stepAfterPassword(request, response, password);
    }
}
