package dev.kontor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;

/** Lets view tests of other packages put a password step in a session, as the sign-in form does. */
public final class SecondStepAccess {

    private SecondStepAccess() {
    }

    public static boolean passwordAccepted(SecondStep secondStep, HttpServletRequest request,
                                           HttpServletResponse response, Authentication password) {
        return secondStep.needed(request, response, password);
    }
}
