package dev.kontor.provider.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
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
import dev.kontor.account.ServiceRow;
import dev.kontor.contact.ContactRow;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.provider.AccountRow;
import dev.kontor.provider.PartnerRow;
import dev.kontor.support.LookupResult;
import dev.kontor.support.SupportLookup;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ViewTest
class AccountsAdminViewTest extends SpringBrowserlessTest {

    private static final String OPERATOR = "operator@kontor.test";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SupportLookup support;

    @Test
    @SuppressWarnings("unchecked")
    void the_operator_creates_an_account_attached_to_a_partner_and_adds_a_service_that_support_then_finds() {
        fixtures.signIn(OPERATOR);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "first-" + tag + "@example.test";
        navigate(AccountsAdminView.class);
        assertThat(find(SideNav.class).withId("provider-administration").single().getItems())
                .extracting(SideNavItem::getLabel).contains("Partners", "Customer accounts");

        test(find(Button.class).withId("new-account").single()).click();
        test(find(TextField.class).withId("new-account-name").single()).setValue("Konto " + tag);
        test(find(TextField.class).withId("new-account-city").single()).setValue("Hamburg");
        test(find(EmailField.class).withId("new-account-manager-email").single()).setValue(email);
        test(find(TextField.class).withId("new-account-manager-name").single()).setValue("Frieda First");
        ComboBox<PartnerRow> partner = find(ComboBox.class).withId("new-account-partner").single();
        test(partner).selectItem("Muster Hosting GmbH");
        test(find(Button.class).withId("submit-new-account").single()).click();

        assertThat(notification()).startsWith("Account Konto " + tag + " (CN-").endsWith(email + ".");
        assertThat(outbox.to(email)).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains("/partner-request/"));
        test(find(TextField.class).withId("account-search").single()).setValue(tag);
        assertThat(find(Span.class).withId("account-count").single().getText()).isEqualTo("One customer account");
        Grid<AccountRow> accounts = find(Grid.class).withId("accounts").single();
        AccountRow row = test(accounts).getRow(0);
        assertThat(test(accounts).getCellText(0, 2)).isEqualTo("No partner");

        navigate("admin/accounts/" + row.customerNumber(), AccountAdminView.class);
        assertThat(find(H2.class).withId("account-title").single().getText())
                .isEqualTo("Konto " + tag + " (" + row.customerNumber() + ")");
        test(find(Button.class).withId("add-service").single()).click();
        test(find(TextField.class).withId("service-name").single()).setValue("k8s-" + tag);
        test(find(Button.class).withId("save-service").single()).click();

        Grid<ServiceRow> services = find(Grid.class).withId("account-services").single();
        assertThat(test(services).getCellText(0, 0)).isEqualTo("k8s-" + tag);
        assertThat(test(services).getCellText(0, 1)).isEqualTo("Cluster");
        List<LookupResult> found = fixtures.as(DemoPeople.SUPPORT, () -> support.search("k8s-" + tag));
        assertThat(found).extracting(LookupResult::customerNumber).containsExactly(row.customerNumber());

        test(find(Button.class).withId("add-service").single()).click();
        test(find(TextField.class).withId("service-name").single()).setValue("K8S-" + tag);
        test(find(Button.class).withId("save-service").single()).click();
        assertThat(find(TextField.class).withId("service-name").single().getErrorMessage())
                .startsWith("The account has a service of this name already");
    }

    @Test
    void a_taken_customer_number_is_named_next_to_its_field() {
        fixtures.signIn(OPERATOR);
        navigate(AccountsAdminView.class);
        test(find(Button.class).withId("new-account").single()).click();
        test(find(TextField.class).withId("new-account-number").single()).setValue("CN-10001");
        test(find(TextField.class).withId("new-account-name").single()).setValue("Copy");
        test(find(EmailField.class).withId("new-account-manager-email").single()).setValue("copy@example.test");
        test(find(TextField.class).withId("new-account-manager-name").single()).setValue("Copy Cat");
        test(find(Button.class).withId("submit-new-account").single()).click();

        TextField number = find(TextField.class).withId("new-account-number").single();
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).startsWith("The customer number CN-10001 belongs to another account");
    }

    @Test
    void the_german_search_label_fits_a_field_wide_enough_for_it() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        fixtures.signIn(OPERATOR);
        navigate(AccountsAdminView.class);
        TextField search = find(TextField.class).withId("account-search").single();
        assertThat(search.getLabel()).isEqualTo("Nummer oder Name");
        assertThat(search.getWidth()).isEqualTo("min(18rem, 100%)");
    }

    @Test
    void suspending_an_account_says_what_it_means_in_german_too() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        fixtures.signIn(OPERATOR);
        long id = jdbc.queryForObject("select id from organization where customer_number = 'CN-10002'", Long.class);
        navigate(AccountsAdminView.class);
        assertThat(find(Span.class).withId("account-count").single().getText()).endsWith("Kundenkonten");
        test(find(TextField.class).withId("account-search").single()).setValue("CN-10002");
        assertThat(find(Span.class).withId("account-count").single().getText()).isEqualTo("Ein Kundenkonto");
        // the account's page is addressed by its customer number, never by an internal id
        @SuppressWarnings("unchecked")
        Grid<dev.kontor.provider.AccountRow> grid =
                find(Grid.class).withId("accounts").single();
        assertThat(((com.vaadin.flow.router.RouterLink) test(grid).getCellComponent(0, "number")).getHref())
                .isEqualTo("admin/accounts/CN-10002");

        navigate("admin/accounts/" + numberOf(id), AccountAdminView.class);
        test(find(Button.class).withId("suspend-account").single()).click();
        test(find(ConfirmDialog.class).withId("confirm-suspend-account").single()).confirm();

        assertThat(find(Paragraph.class).withId("account-inactive-note").single().getText())
                .startsWith("Dieses Konto ist gesperrt");
        assertThat(notification()).endsWith("gesperrt.");
        test(find(Button.class).withId("reactivate-account").single()).click();
        assertThat(jdbc.queryForObject("select state from organization where id = ?", String.class, id))
                .isEqualTo("ACTIVE");
    }

    @Autowired
    dev.kontor.provider.AccountAdministration administration;

    @Test
    void an_account_another_administrator_changed_meanwhile_is_shown_as_it_is_now_and_nothing_is_done() {
        fixtures.signIn(OPERATOR);
        long id = jdbc.queryForObject("select id from organization where customer_number = 'CN-10003'", Long.class);
        navigate("admin/accounts/" + numberOf(id), AccountAdminView.class);
        AccountRow seen = administration.account(id);
        // another provider administrator suspends it while this page still shows it active
        administration.suspend(id, seen.version(), "elsewhere");

        test(find(Button.class).withId("close-account").single()).click();
        test(find(ConfirmDialog.class).withId("confirm-close-account").single()).confirm();

        assertThat(notification()).startsWith("Someone else changed this account in the meantime");
        assertThat(jdbc.queryForObject("select state from organization where id = ?", String.class, id))
                .isEqualTo("SUSPENDED");
        assertThat(find(Button.class).withId("reactivate-account").exists()).isTrue();
        AccountRow suspended = administration.account(id);
        administration.reactivate(id, suspended.version());
    }

    @Test
    void an_empty_new_account_form_names_every_mistake_next_to_its_field_at_once_and_creates_nothing() {
        fixtures.signIn(OPERATOR);
        navigate(AccountsAdminView.class);
        test(find(Button.class).withId("new-account").single()).click();
        test(find(TextField.class).withId("new-account-number").single()).setValue("ten");
        test(find(TextField.class).withId("new-account-postal-code").single()).setValue("<33098>");
        test(find(Button.class).withId("submit-new-account").single()).click();

        assertThat(message(find(TextField.class).withId("new-account-number").single()))
                .isEqualTo("Enter a customer number such as CN-10001.");
        assertThat(message(find(TextField.class).withId("new-account-name").single()))
                .isEqualTo("Please fill in this field.");
        assertThat(message(find(TextField.class).withId("new-account-postal-code").single()))
                .startsWith("Enter a valid postal code");
        assertThat(message(find(EmailField.class).withId("new-account-manager-email").single()))
                .isEqualTo("Enter an e-mail address, e.g. name@example.com.");
        assertThat(message(find(TextField.class).withId("new-account-manager-name").single()))
                .isEqualTo("Please fill in this field.");
        assertThat(find(com.vaadin.flow.component.dialog.Dialog.class).withId("new-account-dialog").single()
                .isOpened()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_country_is_chosen_by_its_name_in_the_persons_language_and_kept_as_its_iso_code() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        fixtures.signIn(OPERATOR);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        navigate(AccountsAdminView.class);
        test(find(Button.class).withId("new-account").single()).click();
        test(find(TextField.class).withId("new-account-name").single()).setValue("Land " + tag);
        ComboBox<String> country = find(ComboBox.class).withId("new-account-country").single();
        assertThat(country.getLabel()).isEqualTo("Land");
        test(country).selectItem("Österreich");
        test(find(EmailField.class).withId("new-account-manager-email").single())
                .setValue("land-" + tag + "@example.test");
        test(find(TextField.class).withId("new-account-manager-name").single()).setValue("Lara Land");
        test(find(Button.class).withId("submit-new-account").single()).click();

        long id = jdbc.queryForObject("select id from organization where name = ?", Long.class, "Land " + tag);
        assertThat(administration.accountData(id).country()).isEqualTo("AT");
        navigate("admin/accounts/" + numberOf(id), AccountAdminView.class);
        ComboBox<String> shown = find(ComboBox.class).withId("account-data-country").single();
        assertThat(shown.getValue()).isEqualTo("AT");
        assertThat(shown.getItemLabelGenerator().apply(shown.getValue())).isEqualTo("Österreich");
        test(shown).selectItem("Schweiz");
        test(find(Button.class).withId("save-account-data").single()).click();
        assertThat(administration.accountData(id).country()).isEqualTo("CH");
    }

    @Test
    @SuppressWarnings("unchecked")
    void on_a_phone_the_account_page_stacks_its_services_beside_frozen_actions_and_its_contacts_in_one_column() {
        fixtures.signIn(OPERATOR);
        long id = jdbc.queryForObject("select id from organization where customer_number = 'CN-10001'", Long.class);
        AccountAdminView view = navigate("admin/accounts/" + numberOf(id), AccountAdminView.class);

        view.fitColumns(390);
        Grid<ServiceRow> services = find(Grid.class).withId("account-services").single();
        assertThat(services.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("stacked", "actions");
        assertThat(services.getColumnByKey("actions").isFrozenToEnd()).isTrue();
        assertThat(test(services).getCellComponent(0, 0).getElement().getTextRecursively())
                .startsWith("Cluster C-1042").contains("Cluster", "Running");
        Grid<ContactRow> contacts = find(Grid.class).withId("account-contacts").single();
        assertThat(contacts.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("stacked");
        Grid<?> managers = find(Grid.class).withId("account-managers").single();
        assertThat(managers.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("stacked");

        view.fitColumns(1366);
        assertThat(services.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("name", "kind", "state", "actions");
        assertThat(contacts.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("name", "email", "phone", "types");
    }

    private static String message(com.vaadin.flow.component.HasValidation field) {
        assertThat(field.isInvalid()).as("invalid").isTrue();
        return field.getErrorMessage();
    }

    @Test
    void managers_partners_and_support_do_not_reach_the_pages() {
        for (String person : List.of(DemoPeople.ANNA, DemoPeople.LEGAL, DemoPeople.SUPPORT)) {
            fixtures.signIn(person);
            assertThat(navigate("admin/accounts", AccessDeniedView.class)).isNotNull();
        }
    }

    private String notification() {
        return test(find(Notification.class).last()).getText();
    }

    /** The page is addressed by the account's customer number, as a provider's administrator reads it. */
    private String numberOf(long accountId) {
        return jdbc.queryForObject("select customer_number from organization where id = ?", String.class, accountId);
    }

    @Test
    void an_account_name_that_reads_as_a_link_is_refused_next_to_its_field_and_nothing_is_sent() {
        fixtures.signIn(OPERATOR);
        String email = "link-" + java.util.UUID.randomUUID() + "@example.test";
        navigate(AccountsAdminView.class);
        test(find(Button.class).withId("new-account").single()).click();
        test(find(TextField.class).withId("new-account-name").single()).setValue("Reset at evil.test/reset");
        test(find(EmailField.class).withId("new-account-manager-email").single()).setValue(email);
        test(find(TextField.class).withId("new-account-manager-name").single()).setValue("Frieda First");
        test(find(Button.class).withId("submit-new-account").single()).click();

        TextField name = find(TextField.class).withId("new-account-name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("A name must not contain a web or e-mail address (no \"://\", "
                + "\"www.\", \"@\" or a domain with a path such as \"example.com/login\").");
        assertThat(outbox.to(email)).isEmpty();
    }
}
