package dev.kontor.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H2;
import dev.kontor.organization.MyOrganization;
import dev.kontor.support.DemoPeople;
import dev.kontor.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class DashboardViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_manager_sees_her_customer_account_with_number_and_role() {
        navigate(DashboardView.class);

        assertThat(find(H2.class).single().getText()).isEqualTo("Welcome, Anna Becker");
        GridTester<Grid<MyOrganization>, MyOrganization> grid = test(organizations());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("CN-10001");
        assertThat(grid.getCellText(0, 1)).isEqualTo("Bäckerei Sonnenschein");
        assertThat(grid.getCellText(0, 2)).isEqualTo("Customer account");
        assertThat(grid.getCellText(0, 3)).isEqualTo("Manager");
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void a_partner_employee_sees_the_partner_and_the_role() {
        navigate(DashboardView.class);

        GridTester<Grid<MyOrganization>, MyOrganization> grid = test(organizations());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEmpty();
        assertThat(grid.getCellText(0, 1)).isEqualTo("Muster Hosting GmbH");
        assertThat(grid.getCellText(0, 3)).isEqualTo("Partner employee");
    }

    @SuppressWarnings("unchecked")
    private Grid<MyOrganization> organizations() {
        return find(Grid.class).withId("my-organizations").single();
    }
}
