package dev.kontor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Lets tests of other packages put a password step in a session, as the sign-in form does, or skip it. */
public final class SecondStepAccess {

    private SecondStepAccess() {
    }

    /** The page of the step still needed after this password (the code, or setting up an authenticator), if any. */
    public static Optional<String> passwordAccepted(SecondStep secondStep, HttpServletRequest request,
                                                    HttpServletResponse response, Authentication password) {
        return secondStep.stepAfterPassword(request, response, password);
    }

    /**
     * A cookie of a browser remembered for the person ({@code name=value}), with which an HTTP client's password
     * sign-in skips the code step as a remembered browser's does.
     */
    public static String rememberedBrowserCookie(SecondFactors secondFactors, long userId) {
        return SecondStep.COOKIE + "=" + secondFactors.rememberBrowser(userId);
    }
}
