package dev.kontor.tenant.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import dev.kontor.tenant.TreeNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class TenantsViewTest extends SpringBrowserlessTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    dev.kontor.tenant.TenantProvisioning provisioning;
    @org.springframework.beans.factory.annotation.Autowired
    dev.kontor.tenant.TenantTree tenantTree;

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void the_partner_sees_its_tree_and_opens_nodes_lazily() {
        navigate(TenantsView.class);
        TreeGrid<TreeNode> tree = tree();

        // the own organization opens at once; customers that granted Manage tenants come first, then the partner's own tenants; Kanzlei Weber granted
        // only VIEW and is not in the tree
        assertThat(names()).startsWith("Muster Hosting GmbH", "Bäckerei Sonnenschein").contains("Muster Vorlagen")
                .doesNotContain("Kanzlei Weber", "Sonnenschein Filiale Nord");
        assertThat(test(tree).getCellText(1, 1)).isEqualTo("CN-10001");
        assertThat(test(tree).getCellText(1, 2)).isEqualTo("Customer account");
        assertThat(find(Button.class).withId("new-tenant").exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_search_opens_the_path_to_every_match() {
        navigate(TenantsView.class);

        test(find(TextField.class).withId("tenant-search").single()).setValue("café");

        assertThat(names()).containsExactly("Muster Hosting GmbH", "Bäckerei Sonnenschein",
                "Sonnenschein Filiale Nord", "Sonnenschein Café am Markt");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_customer_manager_sees_the_own_account_with_its_tenants_and_handover_marks() {
        navigate(TenantsView.class);
        TreeGrid<TreeNode> tree = tree();

        assertThat(names()).startsWith("Bäckerei Sonnenschein").contains("Sonnenschein Filiale Süd");
        int south = names().indexOf("Sonnenschein Filiale Süd");
        assertThat(test(tree).getCellText(south, 3)).isEqualTo("Basic");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_tenant_dropped_on_another_moves_below_it_and_a_drop_on_its_own_child_is_refused() {
        long partner = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        long shelf = provisioning.importTenant(TestTasks.setUp(), partner, "Regal " + tag,
                dev.kontor.tenant.TenantType.STANDARD, dev.kontor.tenant.Edition.BASIC, "UTF-8",
                dev.kontor.tenant.TenantSettings.none()).getId();
        long store = provisioning.importTenant(TestTasks.setUp(), partner, "Lager " + tag,
                dev.kontor.tenant.TenantType.STANDARD, dev.kontor.tenant.Edition.BASIC, "UTF-8",
                dev.kontor.tenant.TenantSettings.none()).getId();
        TenantsView view = navigate(TenantsView.class);

        view.moveByDrop(node(shelf), node(store));
        assertThat(jdbc.queryForObject("select parent_id from organization where id = ?", Long.class, shelf))
                .isEqualTo(store);

        view.moveByDrop(node(store), node(shelf));
        assertThat(jdbc.queryForObject("select parent_id from organization where id = ?", Long.class, store))
                .isEqualTo(partner);
        assertThat(test(find(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .contains("cannot be moved below itself");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void in_german_the_tenant_log_in_is_not_the_same_word_as_signing_out() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate(TenantsView.class);
        int row = names().indexOf("Muster Vorlagen");
        @SuppressWarnings("unchecked")
        TreeNode templates = test((com.vaadin.flow.component.grid.Grid<TreeNode>) tree()).getRow(row);
        tree().asSingleSelect().setValue(templates);

        com.vaadin.flow.component.html.Anchor logIn = find(com.vaadin.flow.component.html.Anchor.class)
                .withId("log-in-tenant").single();
        assertThat(logIn.getElement().getTextRecursively()).isEqualTo("Im Mandanten anmelden");
        assertThat(logIn.getElement().getAttribute("aria-label"))
                .isEqualTo("Im Mandanten anmelden (öffnet ihn in einem neuen Tab)");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_click_on_a_name_selects_the_node_and_shows_what_one_can_do_with_it() {
        navigate(TenantsView.class);
        int row = names().indexOf("Muster Vorlagen");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.Component name = test((com.vaadin.flow.component.grid.Grid<TreeNode>) tree())
                .getCellComponent(row, 0);

        name.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new com.vaadin.flow.dom.DomEvent(name.getElement(), "click",
                        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));

        assertThat(tree().asSingleSelect().getValue().name()).isEqualTo("Muster Vorlagen");
        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("tenant-selection").single().getText())
                .contains("Muster Vorlagen");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("log-in-tenant").exists()).isTrue();
        // Move shows arrows, not the cross that reads as Close
        assertThat(find(Button.class).withId("move-tenant").single().getIcon().getElement().getAttribute("icon"))
                .isEqualTo("vaadin:arrows");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_search_without_a_match_says_so_and_offers_to_clear_it() {
        navigate(TenantsView.class);
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("tenant-no-match").exists()).isFalse();

        test(find(TextField.class).withId("tenant-search").single()).setValue("Zeppelin");

        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("tenant-no-match").single().getElement()
                .getTextRecursively()).contains("No tenant name contains “Zeppelin”.")
                .contains("clear the search to see every tenant again");
        // issue 13's review: the root rows no longer stand below "no tenant matches" as if they matched
        assertThat(find(TreeGrid.class).withId("tenant-tree").exists()).as("the tree without a match").isFalse();
        test(find(Button.class).withId("tenant-search-clear").single()).click();
        assertThat(find(TextField.class).withId("tenant-search").single().getValue()).isEmpty();
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("tenant-no-match").exists()).isFalse();
        assertThat(tree().isVisible()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void an_employee_is_told_only_what_an_employee_can_do_here() {
        navigate(TenantsView.class);

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("tenant-hint").single().getText())
                .isEqualTo("Select a tenant to log in to it; it opens in a new tab.");
        assertThat(find(Button.class).withId("new-tenant").exists()).isFalse();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.kontor.access.AccessSessions sessions;

    @Test
    @dev.kontor.testing.WithCompletedSignIn(DemoPeople.EMPLOYEE)
    void in_an_account_without_tenants_the_page_says_so_and_who_creates_them_in_english_and_german() {
        navigate("access/CN-10002", dev.kontor.access.ui.AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        try {
            navigate(TenantsView.class);
            assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("tenant-hint").exists())
                    .as("nothing to select").isFalse();
            com.vaadin.flow.component.Component none = find(com.vaadin.flow.component.html.Paragraph.class)
                    .withId("no-tenants").single();
            assertThat(none.isVisible()).isTrue();
            assertThat(none.getElement().getText()).isEqualTo("Kanzlei Weber has no tenants yet. Its managers "
                    + "create them, or grant your organization the right “Manage tenants” so that you can create "
                    + "them here.");

            // the same route again keeps its view: away and back builds it in the new language
            navigate(dev.kontor.account.ui.DashboardView.class);
            com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
            navigate(TenantsView.class);
            assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("no-tenants").single().getElement()
                    .getText()).isEqualTo("Kanzlei Weber hat noch keine Mandanten. Die Manager des Kunden legen sie "
                    + "an oder gewähren Ihrer Organisation das Recht „Mandanten verwalten“, damit Sie sie hier "
                    + "anlegen können.");
        } finally {
            sessions.leave();
        }
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_workspace_opens_by_the_tenant_id_people_see_and_names_the_tenant_once_in_its_title() {
        long templates = jdbc.queryForObject("select id from organization where name = 'Muster Vorlagen'",
                Long.class);

        TenantWorkspaceView workspace = navigate("tenant/T-" + templates, TenantWorkspaceView.class);

        assertThat(workspace.getPageTitle()).isEqualTo("Muster Vorlagen");
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("tenant-profile").single().getElement()
                .getTextRecursively()).contains("Tenant ID", "T-" + templates);
        assertThat(navigate("tenant/t-" + templates, TenantWorkspaceView.class).getPageTitle())
                .isEqualTo("Muster Vorlagen");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_standard_tenants_character_set_says_why_it_is_utf8_in_english_and_german() {
        long templates = jdbc.queryForObject("select o.id from organization o join tenant t on t.organization_id = o.id"
                + " where o.name = 'Muster Vorlagen' and t.tenant_type = 'STANDARD'", Long.class);

        navigate("tenant/T-" + templates, TenantWorkspaceView.class);
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("tenant-charset-fact").single().getElement()
                .getTextRecursively()).isEqualTo("Character setUTF-8"
                        + "Standard tenants always use UTF-8, so that no character set problems arise later.");

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate("tenant/T-" + templates, TenantWorkspaceView.class);
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("tenant-charset-fact").single().getElement()
                .getTextRecursively()).isEqualTo("ZeichensatzUTF-8"
                        + "Standard-Mandanten verwenden immer UTF-8, damit später keine Zeichensatzprobleme entstehen.");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void the_partners_own_templates_are_handed_to_nobody_and_never_said_to_be_not_ready() {
        long templates = jdbc.queryForObject("select id from organization where name = 'Muster Vorlagen'",
                Long.class);
        long template = jdbc.queryForObject("select id from organization where name = 'Vorlage Handel'", Long.class);

        assertThat(node(templates).administrators()).isZero();
        assertThat(node(templates).readyForHandover()).isTrue();
        assertThat(node(template).readyForHandover()).isTrue();
        navigate("tenant/T-" + template, TenantWorkspaceView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("handover-readiness").single()
                .getText()).isEqualTo("This tenant has no active administrator yet.").doesNotContain("handover");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_customers_tenant_without_an_administrator_is_still_not_ready_for_handover() {
        long south = jdbc.queryForObject("select id from organization where name = 'Sonnenschein Filiale Süd'",
                Long.class);

        assertThat(node(south).administrators()).isZero();
        assertThat(node(south).readyForHandover()).isFalse();
        navigate("tenant/T-" + south, TenantWorkspaceView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("handover-readiness").single()
                .getText()).startsWith("Not ready for handover");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void an_id_that_names_no_tenant_gets_the_same_refusal_as_an_unknown_one() {
        long partner = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);

        for (String id : List.of("T-" + partner, String.valueOf(partner), "T-999999999")) {
            dev.kontor.base.ui.RefusalView refused = navigate("tenant/" + id, dev.kontor.base.ui.RefusalView.class);
            assertThat(refused.getElement().getTextRecursively()).as(id)
                    .contains("You have no access to this, or it does not exist (any more).")
                    .doesNotContain("not a tenant", "Reload");
        }
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void support_staff_have_no_tenant_tree() {
        navigate("tenants", AccessDeniedView.class);
    }

    private TreeNode node(long id) {
        return tenantTree.node(id).orElseThrow();
    }

    private TreeGrid<TreeNode> tree() {
        @SuppressWarnings("unchecked")
        TreeGrid<TreeNode> tree = find(TreeGrid.class).withId("tenant-tree").single();
        return tree;
    }

    private List<String> names() {
        GridTester<com.vaadin.flow.component.grid.Grid<TreeNode>, TreeNode> grid = test((com.vaadin.flow.component.grid.Grid<TreeNode>) tree());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            names.add(grid.getRow(i).name());
        }
        return names;
    }
}
