package dev.kontor.base.ui;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.kontor.base.MenuEntryFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The menu's entries for the signed-in person: what route access allows, less what a feature leaves out. The side
 * menu and the start page's shortcuts both ask here, so that they never offer different pages.
 */
public final class MenuEntries {

    private MenuEntries() {
    }

    /**
     * The provider administration's pages, which the side menu shows in a group of their own below the main entries.
     * A new page of it adds its path here; its {@code @Menu} order decides its place within the group.
     */
    static final Set<String> PROVIDER_ADMINISTRATION = Set.of(
            "admin/partners",
            "admin/accounts",
            "admin/staff",
            "admin/notices");

    /**
     * The entries in the order the side menu shows them: the main entries by their {@code @Menu} order, then the
     * provider administration's. The start page's shortcuts take this order too, so that a page is found at the same
     * place in both (they listed the administration's pages between the main ones, as their numbers fall).
     */
    public static List<MenuEntry> shown(ObjectProvider<MenuEntryFilter> filters) {
        List<MenuEntry> shown = allowed().stream().filter(entry -> {
            String path = withoutSlash(entry.path());
            return filters.orderedStream().noneMatch(filter -> filter.hides(path));
        }).toList();
        return java.util.stream.Stream.concat(
                shown.stream().filter(entry -> !inProviderAdministration(entry.path())),
                shown.stream().filter(entry -> inProviderAdministration(entry.path()))).toList();
    }

    /** Whether the page at {@code path} belongs to the provider administration's group of the menu. */
    public static boolean inProviderAdministration(String path) {
        return path != null && PROVIDER_ADMINISTRATION.contains(withoutSlash(path));
    }

    private static String withoutSlash(String path) {
        return path != null && path.startsWith("/") ? path.substring(1) : path;
    }

    /**
     * The entries route access allows, asked once per set of authorities and kept with the application's routes:
     * Vaadin checks each route's access anew on every page, looking its roles checker up through the class path
     * (about 5 % of a node's CPU under load), while the answer depends only on the routes and the authorities.
     * The features' filters, which depend on the person's data, are applied on every page.
     */
    private static List<MenuEntry> allowed() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            return MenuConfiguration.getMenuEntries();
        }
        Map<Set<String>, List<MenuEntry>> known = service.getContext()
                .getAttribute(AllowedByAuthorities.class, AllowedByAuthorities::new).entries();
        return known.computeIfAbsent(authorities(), any -> List.copyOf(MenuConfiguration.getMenuEntries()));
    }

    private static Set<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        // the kind of authentication too: a person without any role still differs from an anonymous visitor
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("@" + authentication.getClass().getName()),
                        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The allowed entries of each set of authorities seen, kept in the application's context. */
    private record AllowedByAuthorities(Map<Set<String>, List<MenuEntry>> entries) {
        AllowedByAuthorities() {
            this(new ConcurrentHashMap<>());
        }
    }
}
