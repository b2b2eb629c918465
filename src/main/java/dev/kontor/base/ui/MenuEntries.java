package dev.kontor.base.ui;

import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.kontor.base.MenuEntryFilter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The menu's entries for the signed-in person: what route access allows, less what a feature leaves out. The side
 * menu and the start page's shortcuts both ask here, so that they never offer different pages.
 */
public final class MenuEntries {

    private MenuEntries() {
    }

    public static List<MenuEntry> shown(ObjectProvider<MenuEntryFilter> filters) {
        return MenuConfiguration.getMenuEntries().stream().filter(entry -> {
            String path = entry.path() != null && entry.path().startsWith("/") ? entry.path().substring(1)
                    : entry.path();
            return filters.orderedStream().noneMatch(filter -> filter.hides(path));
        }).toList();
    }
}
