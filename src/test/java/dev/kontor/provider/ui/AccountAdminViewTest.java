package dev.kontor.provider.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactType;
import dev.kontor.provider.AccountAdministration;
import dev.kontor.provider.AccountChange;
import dev.kontor.provider.ProviderAccount;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.ViewTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The provider administrator's page of one customer account: its name and address, its managers and contacts. */
@ViewTest
class AccountAdminViewTest extends SpringBrowserlessTest {

    private static final String OPERATOR = "operator@kontor.test";

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ContactProvisioning contacts;

    @Autowired
    AccountAdministration administration;

    @Test
    @SuppressWarnings("unchecked")
    void the_administrator_changes_name_and_address_and_reads_managers_and_contacts_on_the_customers_audit_log() {
        TestAccount account = accountOfTheOperatorsProvider("Alice", "Bruno");
        contacts.importContact(TestTasks.setUp(), account.id(), null, "Nora", "Night",
                "nora-" + account.tag() + "@night.test", null, null, Set.of(ContactType.TECHNICAL));
        fixtures.signIn(OPERATOR);

        navigate("admin/accounts/" + account.customerNumber(), AccountAdminView.class);

        Grid<?> managers = find(Grid.class).withId("account-managers").single();
        assertThat(test(managers).size()).isEqualTo(2);
        assertThat(test(managers).getCellText(0, 0)).isEqualTo("Alice");
        assertThat(test(managers).getCellText(0, 1)).isEqualTo(account.email("Alice"));
        Grid<?> contactGrid = find(Grid.class).withId("account-contacts").single();
        assertThat(test(contactGrid).getCellText(0, 0)).isEqualTo("Nora Night");
        assertThat(jdbc.queryForList("select summary_key from audit_event where organization_id = ? and kind = "
                + "'CONTACT_DATA_READ'", String.class, account.id()))
                .contains("audit.summary.provider-read-contacts", "audit.summary.provider-read-managers");
        assertThat(find(Button.class).withId("save-account-data").single().isEnabled()).isTrue();

        test(find(TextField.class).withId("account-data-name").single()).setValue("Renamed " + account.tag());
        test(find(TextField.class).withId("account-data-street").single()).setValue("Hafenweg 3");
        test(find(TextField.class).withId("account-data-city").single()).setValue("Bremen");
        test(find(Button.class).withId("save-account-data").single()).click();

        assertThat(notification()).isEqualTo("Name and address of Renamed " + account.tag() + " saved.");
        assertThat(find(H2.class).withId("account-title").single().getText())
                .isEqualTo("Renamed " + account.tag() + " (" + account.customerNumber() + ")");
        assertThat(jdbc.queryForObject("select street || ', ' || city from customer_account where organization_id = ?",
                String.class, account.id())).isEqualTo("Hafenweg 3, Bremen");
    }

    @Test
    void a_name_changed_meanwhile_by_someone_else_is_not_overwritten_and_is_shown_as_it_is_now() {
        TestAccount account = accountOfTheOperatorsProvider("Alice");
        fixtures.signIn(OPERATOR);
        navigate("admin/accounts/" + account.customerNumber(), AccountAdminView.class);
        ProviderAccount seen = administration.accountData(account.id());
        // another administrator (or the customer's managers, who keep the same version) changes it meanwhile
        administration.updateAccount(account.id(), seen.dataVersion(),
                new AccountChange("Elsewhere " + account.tag(), null, null, null, null));

        test(find(TextField.class).withId("account-data-name").single()).setValue("Mine " + account.tag());
        test(find(Button.class).withId("save-account-data").single()).click();

        assertThat(notification()).startsWith("Someone else changed this account in the meantime");
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, account.id()))
                .isEqualTo("Elsewhere " + account.tag());
        assertThat(find(TextField.class).withId("account-data-name").single().getValue())
                .isEqualTo("Elsewhere " + account.tag());
    }

    @Test
    void bad_input_is_named_next_to_its_field_and_nothing_is_saved() {
        TestAccount account = accountOfTheOperatorsProvider("Alice");
        fixtures.signIn(OPERATOR);
        navigate("admin/accounts/" + account.customerNumber(), AccountAdminView.class);

        test(find(TextField.class).withId("account-data-street").single()).setValue("Somewhere 1");
        test(find(TextField.class).withId("account-data-postal-code").single()).setValue("Postfach?");
        test(find(Button.class).withId("save-account-data").single()).click();

        TextField postalCode = find(TextField.class).withId("account-data-postal-code").single();
        assertThat(postalCode.isInvalid()).isTrue();
        assertThat(postalCode.getErrorMessage()).isNotBlank();
        assertThat(jdbc.queryForObject("select street from customer_account where organization_id = ?",
                String.class, account.id())).isNull();
    }

    @Test
    void a_services_rename_and_end_stand_in_one_box_that_stacks_them_on_a_phone() {
        TestAccount account = accountOfTheOperatorsProvider("Alice");
        fixtures.signIn(OPERATOR);
        navigate("admin/accounts/" + account.customerNumber(), AccountAdminView.class);
        test(find(Button.class).withId("add-service").single()).click();
        test(find(TextField.class).withId("service-name").single()).setValue("k8s-" + account.tag());
        test(find(Button.class).withId("save-service").single()).click();

        Grid<?> services = find(Grid.class).withId("account-services").single();
        com.vaadin.flow.component.Component actions = test(services).getCellComponent(0, 3);

        assertThat(actions.getElement().getClassList()).contains("row-actions");
        assertThat(actions.getChildren()).extracting(c -> c.getId().orElseThrow())
                .allMatch(id -> id.startsWith("rename-service-") || id.startsWith("end-service-")).hasSize(2);
    }

    @Test
    void saving_a_service_without_a_name_says_why_next_to_the_name_and_adds_nothing() {
        TestAccount account = accountOfTheOperatorsProvider("Alice");
        fixtures.signIn(OPERATOR);
        navigate("admin/accounts/" + account.customerNumber(), AccountAdminView.class);
        test(find(Button.class).withId("add-service").single()).click();
        TextField name = find(TextField.class).withId("service-name").single();

        test(find(Button.class).withId("save-service").single()).click();

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(jdbc.queryForObject("select count(*) from service where organization_id = ?", Integer.class,
                account.id())).isZero();
    }

    /** A fresh account with active managers, moved below the demo provider that the operator administers. */
    private TestAccount accountOfTheOperatorsProvider(String... managers) {
        TestAccount account = fixtures.account(managers);
        long providerId = jdbc.queryForObject("""
                select m.organization_id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.role = 'PROVIDER_ADMINISTRATOR'""", Long.class, OPERATOR);
        jdbc.update("update organization set parent_id = ?, ancestor_path = ? where id = ?", providerId,
                "/" + providerId + "/", account.id());
        return account;
    }

    private String notification() {
        return test(find(Notification.class).last()).getText();
    }

    @Test
    void a_new_name_that_reads_as_a_link_is_refused_next_to_the_name_and_the_account_keeps_its_name() {
        TestAccount account = accountOfTheOperatorsProvider("Alice", "Bruno");
        fixtures.signIn(OPERATOR);
        navigate("admin/accounts/" + account.customerNumber(), AccountAdminView.class);

        test(find(TextField.class).withId("account-data-name").single()).setValue("Visit www.evil.test");
        test(find(Button.class).withId("save-account-data").single()).click();

        TextField name = find(TextField.class).withId("account-data-name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("A name must not contain a web or e-mail address (no \"://\", "
                + "\"www.\", \"@\" or a domain with a path such as \"example.com/login\").");
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, account.id()))
                .doesNotContain("evil");
    }
}
