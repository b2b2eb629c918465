package dev.kontor.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** A start page without customer accounts says where the person's work is, instead of "your customer accounts". */
@ViewTest
class DashboardEmptyStateTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_partner_person_without_accounts_is_shown_the_pages_of_their_work() {
        navigate(DashboardView.class);

        // managing accounts is not a partner person's work: the page leads with the pages of their role
        assertThat(find(Paragraph.class).withId("no-accounts").exists()).isFalse();
        assertThat(find(Paragraph.class).withClassName("dashboard-intro").exists()).isFalse();
        assertThat(find(Div.class).withId("next-steps").single().getElement().getTextRecursively())
                .startsWith("Your work in Kontor is on these pages:");
        assertThat(find(RouterLink.class).from(find(Div.class).withId("next-steps").single()).all())
                .extracting(RouterLink::getText)
                .contains("Managed customers", "Partner profile", "Tenants", "Audit log")
                .doesNotContain("Dashboard");
    }

    @Test
    void a_tenant_administrator_is_offered_the_pages_of_his_menu_and_his_badge_leads_to_the_tenant() {
        // the administrator of one tenant, as Tom in the demo: Replace a person is not in his menu
        String admin = fixtures.person("Theo");
        long tenant = jdbc.queryForObject("select min(id) from organization where kind = 'TENANT'", Long.class);
        jdbc.update("insert into membership (user_id, organization_id, role, state, created_at) "
                + "values (?, ?, 'TENANT_ADMINISTRATOR', 'ACTIVE', current_timestamp)", fixtures.userIdOf(admin),
                tenant);
        fixtures.signIn(admin);
        navigate(DashboardView.class);

        assertThat(find(Paragraph.class).withId("no-accounts").exists()).isFalse();
        java.util.List<String> menu = find(com.vaadin.flow.component.sidenav.SideNav.class).all().stream()
                .flatMap(nav -> nav.getItems().stream()).map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                .toList();
        java.util.List<String> shortcuts = find(RouterLink.class).from(find(Div.class).withId("next-steps")
                .single()).all().stream().map(RouterLink::getText).toList();
        assertThat(shortcuts).isNotEmpty().doesNotContain("Replace a person");
        assertThat(menu).containsAll(shortcuts).hasSize(shortcuts.size() + 1);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).from(find(Div.class).withId("other-roles")
                .single()).single().getHref()).isEqualTo("tenant/" + tenant);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void the_provider_operators_shortcuts_follow_the_menu_in_its_order() {
        fixtures.signIn(DemoPeople.OPERATOR);
        navigate(DashboardView.class);

        // the side menu: its main entries, then the provider administration's group below them
        java.util.List<String> menu = find(com.vaadin.flow.component.sidenav.SideNav.class).all().stream()
                .flatMap(nav -> nav.getItems().stream()).map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                .filter(label -> !"Dashboard".equals(label)).toList();
        java.util.List<String> shortcuts = find(RouterLink.class).from(find(Div.class).withId("next-steps")
                .single()).all().stream().map(RouterLink::getText).toList();
        assertThat(shortcuts).contains("Partners", "Platform notices").containsExactlyElementsOf(menu);
    }

    @Test
    void someone_without_any_organization_learns_how_an_account_comes_to_them() {
        fixtures.signIn(fixtures.person("Newcomer"));
        navigate(DashboardView.class);

        assertThat(find(Paragraph.class).withId("no-accounts").single().getText())
                .isEqualTo("You do not manage any customer account.");

        assertThat(find(Div.class).withId("next-steps").single().getElement().getTextRecursively())
                .isEqualTo("A customer account appears here once one of its managers invites you and you accept "
                        + "the invitation from the e-mail.");
        assertThat(find(RouterLink.class).from(find(Div.class).withId("next-steps").single()).exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_manager_with_accounts_sees_the_cards_and_no_next_steps() {
        navigate(DashboardView.class);

        assertThat(find(Div.class).withId("next-steps").exists()).isFalse();
        assertThat(find(Paragraph.class).withClassName("dashboard-intro").single().getText())
                .startsWith("Your customer accounts.");
    }
}
