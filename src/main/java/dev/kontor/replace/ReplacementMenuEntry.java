package dev.kontor.replace;

import dev.kontor.user.Callers;
import dev.kontor.base.MenuEntryFilter;
import org.springframework.stereotype.Component;

/**
 * Replace a person is offered in the menu to those who look after several organizations: a partner's legal
 * representatives and administrators, and people who manage or administer at least two accounts or tenants. A
 * manager of one account changes its people in the account itself; the page still works for them by its address.
 */
@Component
class ReplacementMenuEntry implements MenuEntryFilter {

    static final String PATH = "replace-person";

    private final ReplacementStore store;

    private final Callers callers;

    ReplacementMenuEntry(ReplacementStore store, Callers callers) {
        this.callers = callers;
        this.store = store;
    }

    @Override
    public boolean hides(String path) {
        if (!PATH.equals(path)) {
            return false;
        }
        return callers.person().map(me -> !store.looksAfterSeveral(me.userId())).orElse(true);
    }
}
