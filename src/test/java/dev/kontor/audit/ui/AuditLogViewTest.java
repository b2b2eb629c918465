package dev.kontor.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.UI;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditRow;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import dev.kontor.user.SystemTask;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void a_manager_sees_her_accounts_events_and_can_filter_and_export_them() {
        navigate(AuditLogView.class);

        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        assertThat(grid.size()).isPositive();
        for (int row = 0; row < grid.size(); row++) {
            assertThat(grid.getCellText(row, 3)).isEqualTo("Kanzlei Weber (CN-10002)");
        }
        test(kindFilter()).selectItem("Contact person changed");
        assertThat(test(grid()).size()).isPositive();
        assertThat(test(grid()).getCellComponent(0, 4).getElement().getTextRecursively())
                .isEqualTo("Contact person changed");
        assertThat(find(Anchor.class).withId("audit-export").single().getText()).contains("Export CSV");
        // the list offers every kind by its name, in the reader's language
        assertThat(kindFilter().getListDataView().getItems().toList())
                .contains("CONTACT_PERSON_CHANGED", "SUPPORT_LOOKUP", "TENANT_CREATED").doesNotContain("any");
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void each_reader_sees_the_summary_in_their_own_language() {
        long lawFirm = jdbc.queryForObject("select id from organization where customer_number = 'CN-10002'",
                Long.class);
        SystemTask.run(() -> auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", lawFirm,
                AuditSummary.of("refused-lacks-right", AuditSummary.action("move-tenant-below", "T-77"),
                        AuditSummary.term("right.MANAGE_TENANTS")))));

        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Zugriff verweigert");
        assertThat(test(grid()).getCellText(0, 5))
                .isEqualTo("Mandanten unter T-77 verschieben abgelehnt: Recht „Mandanten verwalten“ fehlt");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Access refused");
        assertThat(test(grid()).getCellText(0, 5)).isEqualTo("Move tenant below T-77 refused: lacks Manage tenants");
        // the English sentence is stored too, for the CSV export
        assertThat(jdbc.queryForObject("select summary from audit_event where organization_id = ? "
                + "and kind = 'ACCESS_DENIED' order by id desc limit 1", String.class, lawFirm))
                .isEqualTo("Move tenant below T-77 refused: lacks Manage tenants");
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void a_partner_employee_is_turned_away() {
        navigate("audit", AccessDeniedView.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> kindFilter() {
        return find(ComboBox.class).withId("audit-kind").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditRow> grid() {
        return find(Grid.class).withId("audit-events").single();
    }
}
