package dev.kontor.provider.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.provider.PartnerPerson;
import dev.kontor.provider.PartnerRow;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import dev.kontor.organization.MembershipRole;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ViewTest
class PartnersAdminViewTest extends SpringBrowserlessTest {

    private static final String OPERATOR = "operator@kontor.test";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void on_a_phone_each_partner_and_each_account_is_one_stacked_column() {
        fixtures.signIn(OPERATOR);
        PartnersAdminView partnersView = navigate(PartnersAdminView.class);

        partnersView.fitColumns(390);
        assertThat(partners().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("stacked");
        test(find(TextField.class).withId("partner-search").single()).setValue("Muster Hosting");
        assertThat(test(partners()).getCellText(0, 0)).startsWith("Muster Hosting GmbH").contains("Active",
                "customers");
        partnersView.fitColumns(1366);
        assertThat(partners().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("name", "state", "customers", "people");

        AccountsAdminView accountsView = navigate(AccountsAdminView.class);
        accountsView.fitColumns(390);
        @SuppressWarnings("unchecked")
        Grid<dev.kontor.provider.AccountRow> accounts = find(Grid.class).withId("accounts").single();
        assertThat(accounts.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("stacked");
        test(find(TextField.class).withId("account-search").single()).setValue("CN-10001");
        assertThat(test(accounts).getCellText(0, 0)).startsWith("CN-10001Bäckerei Sonnenschein").endsWith("Active");
    }

    @Test
    void on_a_phone_the_partners_people_and_customers_are_one_stacked_column_beside_a_frozen_deactivate() {
        fixtures.signIn(OPERATOR);
        long partnerId = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);
        PartnerAdminView view = navigate("admin/partners/" + partnerId, PartnerAdminView.class);
        @SuppressWarnings("unchecked")
        Grid<PartnerPerson> people = find(Grid.class).withId("partner-people").single();
        @SuppressWarnings("unchecked")
        Grid<dev.kontor.provider.PartnerCustomerRow> customers = find(Grid.class).withId("partner-customers")
                .single();

        view.fitColumns(390);

        assertThat(people.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("stacked", "actions");
        assertThat(people.getColumnByKey("actions").isFrozenToEnd()).isTrue();
        int row = 0;
        while (test(people).getRow(row).role() != MembershipRole.LEGAL_REPRESENTATIVE) {
            row++;
        }
        PartnerPerson lea = test(people).getRow(row);
        com.vaadin.flow.component.Component cell = test(people).getCellComponent(row, "stacked");
        assertThat(cell.getElement().getTextRecursively()).startsWith(lea.name()).contains(lea.email(),
                "Legal representative", "Active");
        // the address breaks after its "@" and its dots only
        assertThat(cell.getElement().getOuterHTML()).contains("@<wbr>");
        assertThat(customers.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("stacked");
        assertThat(test(customers).getCellText(0, 0)).contains("(CN-");

        view.fitColumns(1366);
        assertThat(people.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("name", "email", "role", "state", "actions");
        assertThat(customers.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("number", "name", "state");
    }

    @Test
    void the_operator_creates_a_partner_finds_it_and_suspends_and_reactivates_it() {
        fixtures.signIn(OPERATOR);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "rep-" + tag + "@example.test";
        navigate(PartnersAdminView.class);
        assertThat(find(SideNav.class).withId("provider-administration").single().getItems())
                .extracting(SideNavItem::getLabel).contains("Partners");

        test(find(Button.class).withId("new-partner").single()).click();
        test(find(TextField.class).withId("new-partner-name").single()).setValue("Agentur " + tag);
        test(find(EmailField.class).withId("new-partner-email").single()).setValue(email);
        test(find(TextField.class).withId("new-partner-representative").single()).setValue("Rita Rep");
        test(find(Button.class).withId("submit-new-partner").single()).click();

        assertThat(notification()).isEqualTo("Partner Agentur " + tag + " created. An invitation has gone to "
                + email + ".");
        assertThat(outbox.to(email)).hasSize(1);
        test(find(TextField.class).withId("partner-search").single()).setValue(tag);
        assertThat(find(Span.class).withId("partner-count").single().getText()).isEqualTo("One partner");
        var grid = test(partners());
        assertThat(grid.size()).isOne();
        assertThat(grid.getCellText(0, 2)).isEqualTo("No customers");
        assertThat(grid.getCellText(0, 3)).isEqualTo("One person");

        long partnerId = grid.getRow(0).id();
        navigate("admin/partners/" + partnerId, PartnerAdminView.class);
        assertThat(find(H2.class).withId("partner-title").single().getText()).isEqualTo("Agentur " + tag);
        test(find(Button.class).withId("suspend-partner").single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withId("confirm-suspend-partner").single();
        test(find(TextField.class).withId("suspend-reason").single()).setValue("unpaid");
        test(confirm).confirm();

        assertThat(find(Paragraph.class).withId("partner-suspended-note").single().getText())
                .startsWith("This partner is suspended");
        assertThat(jdbc.queryForObject("select state from organization where id = ?", String.class, partnerId))
                .isEqualTo("SUSPENDED");
        test(find(Button.class).withId("reactivate-partner").single()).click();
        assertThat(notification()).isEqualTo("Partner Agentur " + tag + " reactivated.");
        assertThat(find(Button.class).withId("suspend-partner").exists()).isTrue();
    }

    @Autowired
    dev.kontor.provider.PartnerAdministration administration;

    @Test
    void a_partner_another_administrator_suspended_meanwhile_is_shown_as_it_is_now_and_nothing_is_done() {
        fixtures.signIn(OPERATOR);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        navigate(PartnersAdminView.class);
        test(find(Button.class).withId("new-partner").single()).click();
        test(find(TextField.class).withId("new-partner-name").single()).setValue("Meanwhile " + tag);
        test(find(EmailField.class).withId("new-partner-email").single()).setValue("rep-" + tag + "@example.test");
        test(find(TextField.class).withId("new-partner-representative").single()).setValue("Rita Rep");
        test(find(Button.class).withId("submit-new-partner").single()).click();
        long partnerId = jdbc.queryForObject("select id from organization where name = ?", Long.class,
                "Meanwhile " + tag);
        navigate("admin/partners/" + partnerId, PartnerAdminView.class);
        // another provider administrator suspends it while this page still offers Suspend
        administration.suspend(partnerId, administration.partner(partnerId).version(), "elsewhere");

        test(find(Button.class).withId("suspend-partner").single()).click();
        test(find(ConfirmDialog.class).withId("confirm-suspend-partner").single()).confirm();

        assertThat(notification()).startsWith("Someone else changed this partner in the meantime");
        assertThat(find(Button.class).withId("reactivate-partner").exists()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where organization_id = ? and kind = "
                + "'ORGANIZATION_STATE_CHANGED'", Long.class, partnerId)).as("the other's suspension only").isOne();
    }

    @Test
    void bad_input_is_shown_next_to_its_field_and_nothing_is_created() {
        fixtures.signIn(OPERATOR);
        navigate(PartnersAdminView.class);
        test(find(Button.class).withId("new-partner").single()).click();
        test(find(TextField.class).withId("new-partner-name").single()).setValue("<b>Bold</b>");
        test(find(EmailField.class).withId("new-partner-email").single()).setValue("not an address");
        test(find(Button.class).withId("submit-new-partner").single()).click();

        assertThat(find(TextField.class).withId("new-partner-name").single().isInvalid()).isTrue();
        assertThat(find(EmailField.class).withId("new-partner-email").single().isInvalid()).isTrue();
        assertThat(find(TextField.class).withId("new-partner-representative").single().isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from organization where name = '<b>Bold</b>'", Long.class))
                .isZero();
    }

    @Test
    void an_empty_new_partner_form_names_each_missing_field_and_says_what_the_e_mail_field_wants() {
        fixtures.signIn(OPERATOR);
        navigate(PartnersAdminView.class);
        test(find(Button.class).withId("new-partner").single()).click();
        test(find(Button.class).withId("submit-new-partner").single()).click();

        TextField name = find(TextField.class).withId("new-partner-name").single();
        EmailField email = find(EmailField.class).withId("new-partner-email").single();
        TextField representative = find(TextField.class).withId("new-partner-representative").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an e-mail address, e.g. name@example.com.");
        assertThat(representative.isInvalid()).isTrue();
        assertThat(representative.getErrorMessage()).isEqualTo("Please fill in this field.");
    }

    @Test
    void the_last_legal_representative_cannot_be_deactivated_and_the_page_says_why() {
        fixtures.signIn(OPERATOR);
        long partnerId = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);
        navigate("admin/partners/" + partnerId, PartnerAdminView.class);
        @SuppressWarnings("unchecked")
        Grid<PartnerPerson> people = find(Grid.class).withId("partner-people").single();
        int row = 0;
        while (test(people).getRow(row).role() != MembershipRole.LEGAL_REPRESENTATIVE) {
            row++;
        }
        Button deactivate = (Button) test(people).getCellComponent(row, 4);
        assertThat(deactivate.getElement().getAttribute("aria-label"))
                .isEqualTo("Deactivate Lea Lehmann as Legal representative");

        Exception refusal = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> test(deactivate).click());

        assertThat(dev.kontor.base.ui.KontorErrorHandlerAccess.messageFor(refusal))
                .isEqualTo("A partner keeps at least one active legal representative: invite another one first.");
    }

    @Test
    void the_pages_read_german_for_german_readers_with_their_plural_forms() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        fixtures.signIn(OPERATOR);
        long partnerId = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);
        navigate(PartnersAdminView.class);
        test(find(TextField.class).withId("partner-search").single()).setValue("Muster Hosting");
        assertThat(find(Span.class).withId("partner-count").single().getText()).isEqualTo("Ein Partner");
        test(find(TextField.class).withId("partner-search").single()).setValue("niemand-heisst-so");
        assertThat(find(Span.class).withId("partner-count").single().getText()).isEqualTo("Keine Partner");
        assertThat(find(Button.class).withId("new-partner").single().getText()).isEqualTo("Neuer Partner");

        navigate("admin/partners/" + partnerId, PartnerAdminView.class);
        List<String> facts = find(Span.class).from(find(com.vaadin.flow.component.html.Div.class)
                .withId("partner-facts").single()).all().stream().map(Span::getText).toList();
        assertThat(facts).contains("Aktiv");
        assertThat(facts.stream().filter(f -> f.endsWith("Kunden") || f.equals("Ein Kunde"))).hasSize(1);
        assertThat(facts).contains("3 Personen");
        assertThat(find(Button.class).withId("suspend-partner").single().getText()).isEqualTo("Partner sperren");
    }

    @Test
    void managers_partners_and_support_do_not_reach_the_pages() {
        for (String person : List.of(DemoPeople.ANNA, DemoPeople.LEGAL, DemoPeople.SUPPORT)) {
            fixtures.signIn(person);
            assertThat(navigate("admin/partners", AccessDeniedView.class)).isNotNull();
        }
    }

    @SuppressWarnings("unchecked")
    private Grid<PartnerRow> partners() {
        return find(Grid.class).withId("partners").single();
    }

    private String notification() {
        return test(find(Notification.class).last()).getText();
    }

    @Test
    void a_partner_name_that_reads_as_a_link_is_refused_next_to_its_field_and_nothing_is_sent() {
        fixtures.signIn(OPERATOR);
        String email = "link-" + UUID.randomUUID() + "@example.test";
        navigate(PartnersAdminView.class);
        test(find(Button.class).withId("new-partner").single()).click();
        test(find(TextField.class).withId("new-partner-name").single()).setValue("Login at https://evil.test/x");
        test(find(EmailField.class).withId("new-partner-email").single()).setValue(email);
        test(find(TextField.class).withId("new-partner-representative").single()).setValue("Rita Rep");
        test(find(Button.class).withId("submit-new-partner").single()).click();

        TextField name = find(TextField.class).withId("new-partner-name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("A name must not contain a web or e-mail address (no \"://\", "
                + "\"www.\", \"@\" or a domain with a path such as \"example.com/login\").");
        assertThat(outbox.to(email)).isEmpty();
    }
}
