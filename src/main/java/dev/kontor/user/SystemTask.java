package dev.kontor.user;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the application itself by switching the security context, on its way out: system work takes a
 * {@link Caller.Task} from {@link Callers} instead (decision 0010).
 */
public final class SystemTask {

    private SystemTask() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                "system", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SYSTEM)));
        // the person on whose behalf the system acts, if any, so that the audit log can name them
        CurrentUser.find().ifPresent(token::setDetails);
        system.setAuthentication(token);
        SecurityContextHolder.setContext(system);
        // Vaadin's security context strategy prefers the signed-in person's context kept in the HTTP session over
        // the thread's: while the system works, the thread is detached from the Vaadin session
        VaadinSession session = VaadinSession.getCurrent();
        VaadinSession.setCurrent(null);
        try {
            return work.get();
        } finally {
            VaadinSession.setCurrent(session);
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The signed-in person who started the system work running now, if any. */
    public static java.util.Optional<AuthenticatedUser> initiator() {
        return Callers.legacyInitiator();
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
