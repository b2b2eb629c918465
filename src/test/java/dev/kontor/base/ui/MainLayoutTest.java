package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class MainLayoutTest extends SpringBrowserlessTest {

    @org.springframework.beans.factory.annotation.Autowired
    AuditTrail auditTrail;

    @org.springframework.beans.factory.annotation.Autowired
    dev.kontor.testing.Fixtures fixtures;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.beans.factory.ObjectProvider<dev.kontor.base.MenuEntryFilter> menuFilters;

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_manager_sees_the_layout_with_only_the_entries_she_may_use() {
        navigate(DashboardView.class);

        SideNav nav = find(SideNav.class).withId("main-navigation").single();
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel).containsExactly("Dashboard", "Tenants", "Audit log");
        assertThat(find(Span.class).withId("signed-in-person").single().getText()).isEqualTo("Anna Becker");
        assertThat(find(Button.class).withId("sign-out").single().getText()).isEqualTo("Sign out");
        assertThat(find(H1.class).withClassName("page-title").single().getText()).isEqualTo("Dashboard");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void the_security_button_leads_to_the_persons_own_security_page() {
        navigate(DashboardView.class);

        test(find(Button.class).withId("security-link").single()).click();

        assertThat(getCurrentView()).isInstanceOf(dev.kontor.security.ui.SecurityView.class);
    }

    @Test
    void the_menu_kept_for_one_set_of_roles_is_never_shown_to_another() {
        fixtures.signIn(DemoPeople.ANNA);
        navigate(DashboardView.class);
        var anna = MenuEntries.shown(menuFilters).stream().map(MenuEntry::path).toList();

        fixtures.signIn(DemoPeople.SUPPORT);
        var support = MenuEntries.shown(menuFilters).stream().map(MenuEntry::path).toList();
        assertThat(support).as("asked again for other authorities, not taken from the first").isNotEqualTo(anna)
                .anyMatch(path -> path.contains("support"));

        fixtures.signIn(DemoPeople.ANNA);
        assertThat(MenuEntries.shown(menuFilters).stream().map(MenuEntry::path).toList()).isEqualTo(anna);
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void the_first_tab_stop_skips_to_the_content_and_the_menu_adds_no_tab_stop_of_its_own() {
        navigate(DashboardView.class);

        Button skip = find(Button.class).withId("skip-to-content").single();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        MainLayout layout = find(MainLayout.class).single();
        assertThat(layout.getElement().getChildren().findFirst()).contains(skip.getElement());
        assertThat(find(com.vaadin.flow.component.orderedlayout.Scroller.class).exists()).isFalse();

        test(skip).click();
        assertThat(layout.getContent().getElement().getAttribute("tabindex")).isEqualTo("-1");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void every_page_is_the_main_landmark_of_the_layout() {
        navigate(DashboardView.class);
        MainLayout layout = find(MainLayout.class).single();
        assertThat(layout.getContent().getElement().getAttribute("role")).isEqualTo("main");

        navigate("no/such/page", NotFoundView.class);
        assertThat(layout.getContent().getElement().getAttribute("role")).isEqualTo("main");
    }

    @Test
    @WithUserDetails(DemoPeople.BEN)
    void an_unknown_address_shows_the_not_found_page_inside_the_layout() {
        navigate("no/such/page", NotFoundView.class);

        assertThat(find(SideNav.class).exists()).isTrue();
        assertThat(find(NotFoundView.class).single().getElement().getTextRecursively()).contains("Page not found");
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void a_page_beyond_the_persons_role_shows_access_denied() {
        navigate("test/support-only", AccessDeniedView.class);

        assertThat(find(AccessDeniedView.class).single().getElement().getTextRecursively())
                .contains("Access denied");
        assertThat(auditTrail.latest("PAGE_ACCESS_DENIED"))
                .anySatisfy(e -> {
                    assertThat(e.getActorEmail()).isEqualTo(DemoPeople.CLARA);
                    assertThat(e.getSummary()).contains("test/support-only");
                });
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void the_role_that_may_open_it_gets_in() {
        navigate("test/support-only", RestrictedTestView.class);
    }

    @Test
    void switching_to_german_changes_the_texts_and_is_remembered() {
        // a person of its own: the remembered choice must not leak into other tests of this context
        fixtures.signIn(fixtures.person("Lena"));
        navigate(DashboardView.class);
        @SuppressWarnings("unchecked")
        Select<Locale> language = find(Select.class).withId("language-switch").single();

        test(language).selectItem("Deutsch");
        navigate(DashboardView.class);

        SideNav nav = find(SideNav.class).withId("main-navigation").single();
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel).containsExactly("Übersicht");
        // (a person without any membership: only the dashboard)
        assertThat(find(Button.class).withId("sign-out").single().getText()).isEqualTo("Abmelden");
    }
}
