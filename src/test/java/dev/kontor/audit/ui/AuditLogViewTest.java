package dev.kontor.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.audit.AuditRow;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void a_manager_sees_her_accounts_events_and_can_filter_and_export_them() {
        navigate(AuditLogView.class);

        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        assertThat(grid.size()).isPositive();
        for (int row = 0; row < grid.size(); row++) {
            assertThat(grid.getCellText(row, 3)).isEqualTo("Kanzlei Weber (CN-10002)");
        }
        test(find(TextField.class).withId("audit-kind").single()).setValue("contact_person");
        assertThat(test(grid()).size()).isPositive();
        assertThat(test(grid()).getCellComponent(0, 4).getElement().getTextRecursively())
                .isEqualTo("Contact person changed");
        assertThat(find(Anchor.class).withId("audit-export").single().getText()).contains("Export CSV");
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void a_partner_employee_is_turned_away() {
        navigate("audit", AccessDeniedView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditRow> grid() {
        return find(Grid.class).withId("audit-events").single();
    }
}
