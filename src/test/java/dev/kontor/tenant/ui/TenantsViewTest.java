package dev.kontor.tenant.ui;

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
    @WithUserDetails(DemoPeople.SUPPORT)
    void support_staff_have_no_tenant_tree() {
        navigate("tenants", AccessDeniedView.class);
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
