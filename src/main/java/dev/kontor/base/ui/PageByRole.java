package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;

/**
 * The way to a page whose module the leading module may not import: base imports no feature, and a feature may not
 * import a feature that imports it (partner leading to access, which imports partner, would close a cycle). The
 * leading side declares an interface for the page it leads to, the page's view implements it (its module may import
 * the leading one), and the view is found among the routes by that interface: still by type, never by a path typed
 * again. Where imports allow, a feature's {@code …Navigation} class is the way instead.
 */
public final class PageByRole {

    private PageByRole() {
    }

    /** Navigates {@code ui} to the view that implements {@code role}, with the route's {@code parameters}. */
    public static void navigate(UI ui, Class<?> role, RouteParameters parameters) {
        ui.navigate(view(role), parameters);
    }

    /** The one view that implements {@code role}; more or none is a mistake of the code, found by any test. */
    public static Class<? extends Component> view(Class<?> role) {
        List<Class<? extends Component>> views = RouteConfiguration.forApplicationScope().getAvailableRoutes()
                .stream().<Class<? extends Component>>map(RouteData::getNavigationTarget)
                .filter(role::isAssignableFrom).distinct().toList();
        if (views.size() != 1) {
            throw new IllegalStateException("Not one view is the page " + role.getSimpleName() + ": " + views);
        }
        return views.getFirst();
    }
}
