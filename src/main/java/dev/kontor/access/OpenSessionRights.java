package dev.kontor.access;

import dev.kontor.base.GuardedPage;
import dev.kontor.user.Callers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person with an open access session may, in the tab bound to it, open pages of the customer that their own rights
 * do not reach; which tab a first request comes from is told only by the page's next one. So the first answers of
 * pages with an id do not judge for them ({@link GuardedPage.TabBoundRights}).
 */
@Component
class OpenSessionRights implements GuardedPage.TabBoundRights {

    private final AccessSessionRepository sessions;
    private final Callers callers;

    OpenSessionRights(AccessSessionRepository sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayHoldTabBoundRights() {
        return callers.person().filter(me -> me.apiToken().isEmpty())
                .map(me -> !sessions.findOpenOf(me.userId()).isEmpty()).orElse(false);
    }
}
