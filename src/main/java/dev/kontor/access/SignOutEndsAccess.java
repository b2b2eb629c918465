package dev.kontor.access;

import dev.kontor.user.AuthenticatedUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Signing out ends every access session of the person. */
@Component
class SignOutEndsAccess {

    private final AccessSessions sessions;

    SignOutEndsAccess(AccessSessions sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null
                && event.getAuthentication().getPrincipal() instanceof AuthenticatedUser user) {
            sessions.endAllOf(user.userId(), AccessSession.EndReason.SIGNED_OUT);
        }
    }
}
