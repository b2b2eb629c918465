package dev.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.kontor.base.MenuEntryFilter;
import dev.kontor.base.PageBanner;
import dev.kontor.base.SignedInPerson;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame of every signed-in page: the side navigation with only the entries the person may open (Vaadin filters
 * the {@code @Menu} views by their access annotations), the page title, the person's name, the language switch and
 * sign-out. A view whose access is denied shows Kontor's access-denied page instead of pretending it doesn't exist.
 */
@Layout
@PermitAll
@AccessDeniedErrorRouter
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 pageTitle = new H1();
    private final Div bannerArea = new Div();
    private final transient AuthenticationContext authenticationContext;
    private final transient ObjectProvider<PageBanner> banners;
    private final transient ObjectProvider<MenuEntryFilter> menuFilters;

    public MainLayout(AuthenticationContext authenticationContext, LanguageSwitch languageSwitch,
                      ObjectProvider<PageBanner> banners, ObjectProvider<MenuEntryFilter> menuFilters) {
        this.authenticationContext = authenticationContext;
        this.banners = banners;
        this.menuFilters = menuFilters;
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu-toggle"));
        pageTitle.addClassName("page-title");
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        bannerArea.addClassName("banner-area");
        addToNavbar(skipToContent(), toggle, pageTitle, spacer, personArea(languageSwitch), bannerArea);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        // a plain scrolling box, not a Scroller: vaadin-scroller is always a tab stop of its own, an extra one before
        // the first menu entry
        Div navigation = new Div(sideNav());
        navigation.addClassName("navigation-scroll");
        addToDrawer(brand, navigation);
        addAttachListener(attach -> translateSortLabels());
    }

    /** Each page is the layout's main landmark, so that screen readers can jump to it and nothing is left outside. */
    @Override
    public void setContent(Component content) {
        super.setContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    /**
     * The first tab stop of every page: keyboard users jump over the navigation bar and the menu to the page itself.
     * Hidden until it has the focus.
     */
    private Component skipToContent() {
        Button skip = new Button(getTranslation("layout.skip-to-content"), click -> {
            Component content = getContent();
            if (content != null) {
                content.getElement().setAttribute("tabindex", "-1");
                content.getElement().callJsFunction("focus");
            }
        });
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        return skip;
    }

    /**
     * Vaadin's grid connector names each sort button "Sort by …" in English, whatever the page's language; this
     * says it in the reader's language, for every grid of the page, also those rendered later, with the column's
     * visible heading first (WCAG 2.5.3: "Name" said aloud finds the sort button labelled Name).
     */
    private void translateSortLabels() {
        getElement().executeJs("""
                window.kontorSortLabel = $0;
                const relabel = () => document.querySelectorAll('vaadin-grid-sorter[aria-label]').forEach(sorter => {
                  const wanted = window.kontorSortLabel.replace('{0}', sorter.textContent.trim());
                  if (sorter.getAttribute('aria-label') !== wanted) {
                    sorter.setAttribute('aria-label', wanted);
                  }
                });
                if (!window.kontorSortObserver) {
                  window.kontorSortObserver = new MutationObserver(relabel);
                  window.kontorSortObserver.observe(document.body, {subtree: true, childList: true,
                      attributes: true, attributeFilter: ['aria-label']});
                }
                relabel();""", getTranslation("layout.sort-column", "{0}"));
    }

    private Component personArea(LanguageSwitch languageSwitch) {
        Div area = new Div();
        area.addClassName("person-area");
        authenticationContext.getAuthenticatedUser(SignedInPerson.class).ifPresent(person -> {
            Span name = new Span(person.displayName());
            name.setId("signed-in-person");
            name.addClassName("person-name");
            name.setTitle(person.email());
            area.add(name);
        });
        // the person's own Security page (second factor); by its role, since base imports no feature
        Button security = new Button(getTranslation("layout.security"), new Icon(VaadinIcon.SHIELD),
                click -> getUI().ifPresent(ui -> PageByRole.navigate(ui, OwnSecurityPage.class,
                        com.vaadin.flow.router.RouteParameters.empty())));
        security.setId("security-link");
        security.setAriaLabel(getTranslation("layout.security"));
        security.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        area.add(security);
        Button signOut = new Button(getTranslation("layout.sign-out"), new Icon(VaadinIcon.SIGN_OUT),
                click -> authenticationContext.logout());
        signOut.setId("sign-out");
        // on a phone only the icon shows: the name stays for screen readers
        signOut.setAriaLabel(getTranslation("layout.sign-out"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        area.add(languageSwitch, signOut);
        return area;
    }

    private Component sideNav() {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        nav.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));
        SideNav administration = ProviderAdministration.navigation(this);
        for (MenuEntry entry : MenuEntries.shown(menuFilters)) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            (MenuEntries.inProviderAdministration(entry.path()) ? administration : nav).addItem(item);
        }
        if (administration.getItems().isEmpty()) {
            return nav;
        }
        Div both = new Div(nav, administration);
        both.addClassName("navigation");
        return both;
    }

    /**
     * The provider administration's pages ({@link MenuEntries#inProviderAdministration}), in a labelled navigation
     * of their own below the main one (shown only to those who may open one of them: Vaadin leaves the others'
     * entries out already). A navigation of its own rather than an expandable item: the item's toggle button refers
     * to its children across its shadow root, which screen readers cannot follow.
     */
    static final class ProviderAdministration {

        private ProviderAdministration() {
        }

        static SideNav navigation(Component owner) {
            SideNav navigation = new SideNav(owner.getTranslation("nav.provider-administration"));
            navigation.setId("provider-administration");
            navigation.getElement().setAttribute("aria-label", owner.getTranslation("nav.provider-administration"));
            return navigation;
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        String title = content instanceof HasDynamicTitle titled ? titled.getPageTitle() : "";
        pageTitle.setText(title);
        // a name may run to 130 characters: one line, cut, whole in the tooltip (a title of words wraps on a phone)
        boolean name = content instanceof TitledByName && !title.isEmpty();
        pageTitle.getElement().getClassList().set("one-line-name", name);
        if (name) {
            pageTitle.getElement().setAttribute("title", title);
        } else {
            pageTitle.getElement().removeAttribute("title");
        }
        bannerArea.removeAll();
        banners.orderedStream().forEach(banner -> banner.banner().ifPresent(bannerArea::add));
        bannerArea.setVisible(bannerArea.getComponentCount() > 0);
        banners.orderedStream().map(PageBanner::titlePrefix).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(prefix -> getUI().ifPresent(ui -> ui.beforeClientResponse(ui,
                        context -> ui.getPage().setTitle(prefix.equals(title) ? title : prefix + " · " + title))));
    }
}
