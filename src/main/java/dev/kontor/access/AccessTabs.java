package dev.kontor.access;

import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.TabAccessSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells {@code Callers} which access session the current tab works in (see {@link AccessSessions#tabSessionId}). */
@Component
class AccessTabs implements TabAccessSession {

    private final AccessSessions sessions;

    AccessTabs(AccessSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Long> ofThisTab(AuthenticatedUser person) {
        return sessions.tabSessionId(person);
    }
}
