package dev.kontor.user;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The static way of asking who calls, on its way out: services ask {@link Callers} (decision 0010). */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AuthenticatedUser> find() {
        return Callers.signedInPrincipal();
    }

    /** The signed-in person; services call this first, so an anonymous call never gets further. */
    public static AuthenticatedUser require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }
}
