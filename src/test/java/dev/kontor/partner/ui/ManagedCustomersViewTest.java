package dev.kontor.partner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.LitCells;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class ManagedCustomersViewTest extends SpringBrowserlessTest {

    @Autowired
    Outbox outbox;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_legal_representative_sees_all_customers_with_their_rights_and_may_add_and_request() {
        navigate(ManagedCustomersView.class);

        assertThat(find(H2.class).single().getText()).isEqualTo("Managed customers · Muster Hosting GmbH");
        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(grid());
        assertThat(grid.size()).isEqualTo(2);
        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("customers-count").single().getText())
                .isEqualTo("2 customers");
        assertThat(customer(grid, 0)).containsExactly("Bäckerei Sonnenschein", "CN-10001");
        assertThat(rights(grid, 0)).containsExactly("See the account", "Manage users", "Manage contacts",
                "Manage tenants");
        assertThat(grid.getCellText(0, 3)).isEqualTo("Anna Becker");
        assertThat(customer(grid, 1)).containsExactly("Kanzlei Weber", "CN-10002");
        assertThat(rights(grid, 1)).containsExactly("See the account");
        assertThat(find(Button.class).withId("add-customer").exists()).isTrue();
        assertThat(find(Button.class).withId("request-relationship").exists()).isTrue();
        // the row actions are inside the grid: the page says how the keyboard reaches them, and the grid points to it
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("customers-keyboard-hint").single()
                .getText()).contains("arrow keys", "Enter", "Access account");
        assertThat(grid().getElement().getAttribute("aria-describedby")).isEqualTo("customers-keyboard-hint");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void in_german_one_customer_is_added_and_on_a_phone_the_keyboard_hint_is_hidden_and_the_rights_align()
            throws Exception {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate(ManagedCustomersView.class);

        assertThat(find(Button.class).withId("add-customer").single().getText()).isEqualTo("Kunde hinzufügen");
        // a phone has no Tab key: the style sheet hides the hint at a phone's width
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("customers-keyboard-hint").single()
                .getClassNames()).contains("keyboard-hint");
        String css;
        try (java.io.InputStream in = getClass().getResourceAsStream("/META-INF/resources/styles.css")) {
            css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(css).containsPattern(
                "@media \\(max-width: 640px\\) \\{\\s*\\.keyboard-hint \\{\\s*display: none;");
        // the rights' count starts at the cell's edge, under the customer's name
        assertThat(LitCells.template(grid(), "rights")).contains("class=\"rights-toggle\"");
        assertThat(css).containsPattern("vaadin-button\\.rights-toggle \\{\\s*padding-inline-start: 0;");
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void an_employee_sees_only_the_assigned_customers_as_my_customers() {
        navigate(MyCustomersView.class);
        assertThat(find(com.vaadin.flow.component.sidenav.SideNav.class).single().getItems())
                .extracting(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                .contains("My customers").doesNotContain("Managed customers");

        assertThat(find(H2.class).single().getText()).isEqualTo("My customers · Muster Hosting GmbH");
        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(grid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(customer(grid, 0)).containsExactly("Kanzlei Weber", "CN-10002");
        assertThat(find(Button.class).withId("add-customer").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void the_filter_narrows_the_grid_in_the_database() {
        navigate(ManagedCustomersView.class);
        assertThat(find(Button.class).withId("add-customer").exists()).isFalse();

        test(find(TextField.class).withId("customer-filter").single()).setValue("weber");

        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(grid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(customer(grid, 0)).containsExactly("Kanzlei Weber", "CN-10002");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_customer_manager_is_turned_away() {
        navigate("partner/customers", AccessDeniedView.class);
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_add_customer_dialog_checks_its_fields_before_anything_is_created() {
        navigate(ManagedCustomersView.class);
        test(find(Button.class).withId("add-customer").single()).click();

        test(find(Button.class).withId("submit-new-customer").single()).click();
        TextField company = find(TextField.class).withId("new-customer-name").single();
        EmailField email = find(EmailField.class).withId("new-customer-manager-email").single();
        assertThat(company.isInvalid()).isTrue();
        assertThat(email.isInvalid()).isTrue();

        test(company).setValue("Frische Brise KG");
        test(email).setValue("brise@example.test");
        test(find(Button.class).withId("submit-new-customer").single()).click();
        TextField name = find(TextField.class).withId("new-customer-manager-name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(name.getHelperText()).doesNotContainIgnoringCase("new to Kontor");

        test(name).setValue("Free prize at https://evil.test");
        test(find(Button.class).withId("submit-new-customer").single()).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("web or e-mail address");
        assertThat(outbox.to("brise@example.test")).isEmpty();

        test(name).setValue("Bea Brise");
        test(find(Button.class).withId("submit-new-customer").single()).click();
        assertThat(outbox.to("brise@example.test")).singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains("Frische Brise KG", "/partner-request/"));
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void an_address_kontor_knows_gets_the_same_answer_as_a_new_one_when_the_name_is_left_empty() {
        navigate(ManagedCustomersView.class);
        test(find(Button.class).withId("add-customer").single()).click();
        test(find(TextField.class).withId("new-customer-name").single()).setValue("Orakel Probe KG");
        test(find(EmailField.class).withId("new-customer-manager-email").single()).setValue(DemoPeople.LEGAL);
        test(find(Button.class).withId("submit-new-customer").single()).click();

        TextField name = find(TextField.class).withId("new-customer-manager-name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(jdbc.queryForObject("select count(*) from organization where name = 'Orakel Probe KG'",
                Integer.class)).isZero();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_relationship_request_is_reviewed_before_it_is_sent() {
        // other tests in this context mail the demo customer too; the once-a-day rule has its own test
        jdbc.update("update partner_relationship set request_mailed_at = null where request_email = ?",
                "dora@nordlicht.test");
        navigate(ManagedCustomersView.class);
        test(find(Button.class).withId("request-relationship").single()).click();
        test(find(TextField.class).withId("request-customer-number").single()).setValue("CN-10003");
        test(find(EmailField.class).withId("request-manager-email").single()).setValue("dora@nordlicht.test");
        test(find(Button.class).withId("review-request").single()).click();

        TextArea draft = find(TextArea.class).withId("request-draft").single();
        assertThat(draft.getValue()).contains("Muster Hosting GmbH would like to work for Nordlicht Reisen (CN-10003)",
                "/partner-request/");
        assertThat(requestsTo("dora@nordlicht.test")).isEmpty();

        test(find(Button.class).withId("send-request").single()).click();
        assertThat(requestsTo("dora@nordlicht.test")).singleElement()
                .satisfies(mail -> assertThat(mail.body()).isEqualTo(draft.getValue()));
    }

    /** Other tests in this context may mail the same demo person about other things. */
    private java.util.List<Outbox.QueuedMail> requestsTo(String recipient) {
        return outbox.to(recipient).stream().filter(mail -> mail.body().contains("/partner-request/")).toList();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void on_a_phone_the_customer_takes_the_room_beside_the_frozen_actions_and_tells_state_and_rights() {
        ManagedCustomersView view = navigate(ManagedCustomersView.class);

        view.fitColumns(390);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("customer", "actions");
        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(grid());
        assertThat(java.util.stream.Stream.of("name", "number", "state", "count")
                .map(property -> grid.getLitRendererPropertyValue(0, "customer", property, String.class)))
                .containsExactly("Bäckerei Sonnenschein", "CN-10001", "Active", "4 rights");
        // the rights open the row's details from the customer's cell; Access account stays beside it
        String customerCell = LitCells.template(grid(), "customer");
        assertThat(customerCell).contains("id=\"rights-${item.number}\"", "@click=\"${toggleRights}\"",
                "${item.count}");
        grid.invokeLitRendererFunction(0, "customer", "toggleRights");
        assertThat(grid().isDetailsVisible(grid.getRow(0))).isTrue();
        // the hidden columns draw nothing, so that no id is in the page twice
        assertThat(LitCells.template(grid(), "state")).isEmpty();
        assertThat(LitCells.template(grid(), "rights")).isEmpty();
        String actions = LitCells.template(grid(), "actions");
        assertThat(grid.getLitRendererPropertyValue(0, "actions", "active", Boolean.class)).isTrue();
        assertThat(actions).contains("id=\"access-${item.number}\"",
                "aria-label=\"Access account ${item.name} (${item.number})\"");
        // a phone has no hover: the rarer actions say their names
        assertThat(actions).contains("id=\"terminate-${item.number}\"",
                "</vaadin-icon>Terminate partnership</vaadin-button>", "id=\"assign-${item.number}\"",
                "</vaadin-icon>Assign employees</vaadin-button>").doesNotContain("vaadin-tooltip");

        view.fitColumns(1366);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("customer", "state", "rights", "contact", "assigned", "actions");
        assertThat(customer(test(grid()), 0)).containsExactly("Bäckerei Sonnenschein", "CN-10001");
        // in the wide grid the rarer actions are icons named on hover and focus, and Assign sits with the assignees
        assertThat(LitCells.template(grid(), "actions")).contains("theme=\"small tertiary error icon\"",
                "<vaadin-tooltip slot=\"tooltip\" text=\"Terminate partnership\">").doesNotContain("assign-");
        assertThat(LitCells.template(grid(), "assigned")).contains("id=\"assign-${item.number}\"",
                "aria-label=\"Assign employees ${item.name}\"",
                "<vaadin-tooltip slot=\"tooltip\" text=\"Assign employees\">");
        // an empty assigned cell says so instead of showing nothing
        assertThat(LitCells.template(grid(), "assigned")).contains("<span class=\"cell-detail\">Nobody assigned");
        assertThat(LitCells.template(grid(), "customer")).doesNotContain("rights-");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_row_buttons_start_their_actions_on_the_server() {
        navigate(ManagedCustomersView.class);
        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(grid());
        assertThat(LitCells.template(grid(), "rights")).contains("id=\"rights-${item.number}\"",
                "aria-label=\"${item.count} of ${item.name}: ${item.names}\"",
                "aria-expanded=\"${model.detailsOpened ? 'true' : 'false'}\"",
                "<vaadin-tooltip slot=\"tooltip\" text=\"${item.names}\">");
        assertThat(grid.getLitRendererPropertyValue(0, "rights", "names", String.class))
                .isEqualTo("See the account, Manage users, Manage contacts, Manage tenants");

        grid.invokeLitRendererFunction(0, "actions", "terminate");
        assertThat(find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).withId("confirm-termination")
                .single().isOpened()).isTrue();

        // Access account goes to the access page, which first asks this person (without a second factor) to set one up
        grid.invokeLitRendererFunction(0, "actions", "enter");
        assertThat(getCurrentView()).isInstanceOf(dev.kontor.security.ui.SecurityView.class);
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void an_administrator_may_assign_and_review_but_not_terminate_even_if_the_client_asks() {
        navigate(ManagedCustomersView.class);
        GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid = test(grid());
        assertThat(LitCells.template(grid(), "actions")).contains("access-").doesNotContain("terminate-");
        assertThat(LitCells.template(grid(), "state")).contains("id=\"review-${item.number}\"");

        // a function call made up in the browser for a button that is not drawn opens nothing
        grid.invokeLitRendererFunction(0, "actions", "terminate");
        assertThat(find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).withId("confirm-termination")
                .exists()).isFalse();

        grid.invokeLitRendererFunction(0, "assigned", "assign");
        assertThat(find(AssignEmployeesDialog.class).single().isOpened()).isTrue();
    }

    @Test
    void translated_texts_cannot_end_the_template_or_start_an_expression() {
        assertThat(ManagedCustomersView.literal("Gäste & \"Partner\" <b> `${x}` \\ 'y'"))
                .isEqualTo("Gäste &amp; &quot;Partner&quot; &lt;b&gt; &#96;&#36;{x}&#96; &#92; &#39;y&#39;");
    }

    /** The customer's name and number, as the row's first cell shows them. */
    static java.util.List<String> customer(GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid, int row) {
        return java.util.List.of(grid.getLitRendererPropertyValue(row, "customer", "name", String.class),
                grid.getLitRendererPropertyValue(row, "customer", "number", String.class));
    }

    /** The rights the row's details list, after its rights button opened them. */
    private java.util.List<String> rights(GridTester<Grid<ManagedCustomer>, ManagedCustomer> grid, int row) {
        grid.invokeLitRendererFunction(row, "rights", "toggleRights");
        assertThat(grid().isDetailsVisible(grid.getRow(row))).isTrue();
        ManagedCustomersView view = find(ManagedCustomersView.class).single();
        return view.rightsDetails(grid.getRow(row)).getChildren()
                .map(line -> line.getChildren().findFirst().orElseThrow().getElement().getText()).toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<ManagedCustomer> grid() {
        return find(Grid.class).withId("managed-customers").single();
    }
}
