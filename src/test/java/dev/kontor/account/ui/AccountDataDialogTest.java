package dev.kontor.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.AccountService;
import dev.kontor.base.ui.RefusalView;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class AccountDataDialogTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    dev.kontor.account.ManagerService managers;

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void the_deep_link_opens_the_dialog_with_the_contact_person_read_only() {
        navigate("accounts/CN-10001", DashboardView.class);
        DialogSections.openAll();

        AccountDataDialog dialog = find(AccountDataDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getElement().getProperty("ariaLabel")).isEqualTo("Bäckerei Sonnenschein (CN-10001)");
        // the title's customer number never breaks at its hyphen on a phone
        H2 title = find(H2.class).withClassName("dialog-title").single();
        assertThat(title.getElement().getTextRecursively()).isEqualTo("Bäckerei Sonnenschein (CN-10001)");
        // a long name is cut with an ellipsis, the number after it kept whole and in sight
        assertThat(title.getChildren().filter(Span.class::isInstance).map(Span.class::cast)
                .filter(span -> span.hasClassName("no-break")).map(Span::getText)).containsExactly("(CN-10001)");
        assertThat(title.getElement().getAttribute("title")).isEqualTo("Bäckerei Sonnenschein (CN-10001)");
        assertThat(find(Span.class).withId("contact-person-name").single().getText())
                .isEqualTo("Anna Becker · anna@sonnenschein.test");
        assertThat(find(ComboBox.class).withId("contact-person-choice").exists()).isFalse();
        assertThat(find(Button.class).withId("edit-contact-person").single().getAriaLabel())
                .contains("Edit contact person");
    }

    @Test
    void the_sections_after_the_account_data_are_headings_that_build_their_section_when_opened() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);

        assertThat(find(TextField.class).withId("company-name").exists()).isTrue();
        for (String section : java.util.List.of("contact-person", "managers", "contacts", "partners")) {
            Button open = find(Button.class).withId("open-" + section).single();
            assertThat(open.getParent()).get().isInstanceOf(com.vaadin.flow.component.html.H3.class);
            assertThat(open.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        }
        assertThat(find(Button.class).withId("open-managers").single().getText()).isEqualTo("Managers");
        assertThat(find(Button.class).withId("edit-contact-person").exists()).isFalse();
        assertThat(find(Button.class).withId("add-manager").exists()).isFalse();
        assertThat(find(Button.class).withId("add-contact").exists()).isFalse();
        assertThat(find(Button.class).withId("save-access-policy").exists()).isFalse();

        test(find(Button.class).withId("open-managers").single()).click();

        assertThat(find(Button.class).withId("open-managers").exists()).isFalse();
        assertThat(find(Button.class).withId("add-manager").exists()).isTrue();
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("second-factor-section").exists()).isTrue();
        // the section took the heading's place, and the focus with it
        Component body = find(AccountDataDialog.class).single().getChildren().findFirst().orElseThrow();
        assertThat(body.getChildren().map(child -> child.getId().orElse(""))).containsSubsequence(
                "master-data", "folded-contact-person", "managers-section", "second-factor-section",
                "folded-contacts");
        assertThat(find(Button.class).withId("add-contact").exists()).isFalse();
    }

    @Test
    void an_opened_section_stays_open_after_a_save_and_the_contact_person_opened_later_still_saves() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        test(find(Button.class).withId("open-contacts").single()).click();

        test(find(Button.class).withId("open-contact-person").single()).click();
        test(find(Button.class).withId("edit-contact-person").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<Member> choice = find(ComboBox.class).withId("contact-person-choice").single();
        test(choice).selectItem("Bob");
        test(find(Button.class).withId("save-contact-person").single()).click();

        assertThat(find(Span.class).withId("contact-person-name").single().getText()).startsWith("Bob");
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).contactPerson())
                .map(Member::displayName).contains("Bob");
        // the dialog read the account again: what the person had opened is still open, the rest still closed
        assertThat(find(Button.class).withId("add-contact").exists()).isTrue();
        assertThat(find(Button.class).withId("open-managers").exists()).isTrue();
    }

    @Test
    void the_pencil_offers_only_the_active_managers_and_save_stores_the_choice() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        fixtures.signIn(account.email("Alice"));
        long carlsMembership = membership(account, "Carl");
        managers.deactivate(account.id(), carlsMembership, Locale.ENGLISH);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        test(find(Button.class).withId("edit-contact-person").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<Member> choice = find(ComboBox.class).withId("contact-person-choice").single();
        assertThat(choice.isVisible()).isTrue();
        assertThat(test(choice).getSuggestions()).containsExactlyInAnyOrder("Alice", "Bob");

        test(choice).selectItem("Bob");
        test(find(Button.class).withId("save-contact-person").single()).click();

        assertThat(find(Span.class).withId("contact-person-name").single().getText()).startsWith("Bob");
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).contactPerson())
                .map(Member::displayName).contains("Bob");
    }

    @Test
    void cancel_restores_the_contact_person() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        test(find(Button.class).withId("edit-contact-person").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<Member> choice = find(ComboBox.class).withId("contact-person-choice").single();
        test(choice).selectItem("Bob");
        test(find(Button.class).withId("cancel-contact-person").single()).click();

        assertThat(find(ComboBox.class).withId("contact-person-choice").exists()).isFalse();
        assertThat(find(Span.class).withId("contact-person-name").single().getText()).startsWith("Alice");
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).contactPerson())
                .map(Member::displayName).contains("Alice");
    }

    @Test
    @WithUserDetails(DemoPeople.DORA)
    void with_one_active_manager_the_pencil_explains_that_a_second_one_is_needed() {
        navigate("accounts/CN-10003", DashboardView.class);
        DialogSections.openAll();

        assertThat(find(Paragraph.class).withId("contact-person-hint").exists()).isFalse();
        test(find(Button.class).withId("edit-contact-person").single()).click();

        Paragraph hint = find(Paragraph.class).withId("contact-person-hint").single();
        assertThat(hint.getText()).contains("first add a second manager");
        assertThat(find(ComboBox.class).withId("contact-person-choice").exists()).isFalse();
    }

    @Test
    void the_contact_person_is_offered_no_deactivate_or_remove_that_would_only_be_refused() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.signIn(account.email("Bob"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        long alice = membership(account, "Alice");

        assertThat(find(Button.class).withId("remove-" + alice).exists()).isFalse();
        assertThat(find(Button.class).withId("deactivate-" + alice).exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("contact-person-stays-" + alice).single()
                .getText()).isEqualTo("Contact person: choose another one first to deactivate or remove them.");
        // the rule itself stays the service's, with its clear message
        Exception refusal = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> managers.removeManagerRole(accounts.details(new CustomerNumber(account.customerNumber()))
                        .accountId(), alice, java.util.Locale.ENGLISH));
        assertThat(refusal).hasMessageContaining("manager.is-contact-person");
        assertThat(dev.kontor.base.ui.KontorErrorHandlerAccess.messageFor(refusal))
                .isEqualTo("This manager is the contact person. Choose another contact person first.");
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).activeManagers()).hasSize(2);
    }

    @Test
    void deactivating_the_deputy_says_that_the_account_loses_its_deputy_and_the_result_is_told() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        fixtures.signIn(account.email("Alice"));
        var details = accounts.details(new CustomerNumber(account.customerNumber()));
        accounts.changeDeputy(details.accountId(), details.version(), account.userId("Bob"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        test(find(Button.class).withId("deactivate-" + membership(account, "Bob")).single()).click();
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-manager-change").single();
        assertThat(question.getElement().getProperty("message"))
                .contains("will no longer be the contact person's deputy");
        test(question).confirm();

        assertThat(test(find(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("Bob is deactivated and can no longer work in this account.");
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).deputy()).isEmpty();

        test(find(Button.class).withId("deactivate-" + membership(account, "Carl")).single()).click();
        assertThat(find(ConfirmDialog.class).withId("confirm-manager-change").last().getElement()
                .getProperty("message")).doesNotContain("deputy");
    }

    @Test
    void an_invited_managers_row_offers_to_withdraw_the_invitation_not_to_remove_a_role() {
        TestAccount account = fixtures.account("Alice");
        String address = "invited-" + account.tag() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), address, "Ida Invited",
                Locale.ENGLISH));
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        Button withdraw = find(Button.class).withId("remove-" + membership(account, "Ida Invited")).single();
        assertThat(withdraw.getText()).isEqualTo("Withdraw invitation");
        test(withdraw).click();
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-manager-change").single();
        assertThat(question.getElement().getProperty("header")).isEqualTo("Withdraw invitation?");
        assertThat(question.getElement().getProperty("message")).contains("its link stops working");
        test(question).confirm();

        assertThat(test(find(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("The invitation of Ida Invited is withdrawn.");
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).managers())
                .extracting(Member::displayName).doesNotContain("Ida Invited");
    }

    @Test
    void master_data_errors_show_next_to_the_field_and_nothing_is_saved() {
        TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        TextField name = find(TextField.class).withId("company-name").single();
        test(name).setValue("");
        EmailField billing = find(EmailField.class).withId("billing-email").single();
        test(billing).setValue("no-at-sign");
        TextField phone = find(TextField.class).withId("emergency-phone").single();
        test(phone).setValue("<b>ring</b>");
        test(find(Button.class).withId("save-master-data").single()).click();

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(billing.isInvalid()).isTrue();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).masterData().companyName())
                .startsWith("Customer ");
    }

    @Test
    void a_save_refused_because_someone_else_saved_meanwhile_keeps_the_input_and_shows_what_was_saved() {
        TestAccount account = fixtures.account("Alice", "Bob");
        CustomerNumber number = new CustomerNumber(account.customerNumber());
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        TextField name = find(TextField.class).withId("company-name").single();
        TextField street = find(TextField.class).withCaption("Street and number").single();
        TextField city = find(TextField.class).withCaption("City").single();
        String streetBefore = street.getValue();
        test(name).setValue("Alice Typed GmbH");
        test(street).setValue("Typed Street 1");
        // Bob saves another name and a city while Alice types
        fixtures.as(account.email("Bob"), () -> {
            dev.kontor.account.AccountDetails now = accounts.details(number);
            dev.kontor.account.MasterData data = now.masterData();
            accounts.updateMasterData(now.accountId(), now.version(), new dev.kontor.account.MasterData(
                    "Bob Bakery KG", data.street(), data.postalCode(), "Bremen", data.country(),
                    data.billingEmail(), data.emergencyPhone()));
        });

        test(find(Button.class).withId("save-master-data").single()).click();

        Component box = find(com.vaadin.flow.component.html.Div.class).withClassName("changed-meanwhile").single();
        assertThat(box.isVisible()).isTrue();
        assertThat(box.getElement().getTextRecursively())
                .startsWith("Someone else saved a change to this data in the meantime. Nothing was saved;");
        assertThat(name.getValue()).isEqualTo("Alice Typed GmbH");
        assertThat(street.getValue()).isEqualTo("Typed Street 1");
        assertThat(accounts.details(number).masterData().companyName()).isEqualTo("Bob Bakery KG");

        test(find(Button.class).withClassName("show-current-values").single()).click();

        // both changed the name: Alice's stays, Bob's is said below it; only Bob changed the city, only Alice
        // the street
        assertThat(name.getValue()).isEqualTo("Alice Typed GmbH");
        assertThat(name.getHelperText()).isEqualTo("Saved meanwhile: Bob Bakery KG");
        assertThat(city.getValue()).isEqualTo("Bremen");
        assertThat(city.getHelperText()).isEqualTo("Saved meanwhile: Bremen");
        assertThat(street.getValue()).isEqualTo("Typed Street 1");
        assertThat(street.getHelperText()).isNullOrEmpty();
        assertThat(find(Button.class).withClassName("show-current-values").exists()).isFalse();
        assertThat(streetBefore).isNotEqualTo("Typed Street 1");

        test(find(Button.class).withId("save-master-data").single()).click();

        dev.kontor.account.MasterData saved = accounts.details(number).masterData();
        assertThat(saved.companyName()).isEqualTo("Alice Typed GmbH");
        assertThat(saved.street()).isEqualTo("Typed Street 1");
        assertThat(saved.city()).isEqualTo("Bremen");
        assertThat(find(com.vaadin.flow.component.html.Div.class).withClassName("changed-meanwhile").exists())
                .isFalse();
    }

    @Test
    void a_second_conflict_after_showing_current_values_drops_the_notes_of_the_first() {
        TestAccount account = fixtures.account("Alice", "Bob");
        CustomerNumber number = new CustomerNumber(account.customerNumber());
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        TextField name = find(TextField.class).withId("company-name").single();
        TextField city = find(TextField.class).withCaption("City").single();
        test(city).setValue("Kiel");
        bobSaves(account, number, "Bob Bakery KG", null);
        test(find(Button.class).withId("save-master-data").single()).click();
        test(find(Button.class).withClassName("show-current-values").single()).click();
        assertThat(name.getHelperText()).isEqualTo("Saved meanwhile: Bob Bakery KG");

        bobSaves(account, number, null, "Bremen");
        test(find(Button.class).withId("save-master-data").single()).click();

        assertThat(name.getHelperText()).as("the first round's note").isNullOrEmpty();
        test(find(Button.class).withClassName("show-current-values").single()).click();
        assertThat(name.getHelperText()).isNullOrEmpty();
        assertThat(city.getValue()).isEqualTo("Kiel");
        assertThat(city.getHelperText()).isEqualTo("Saved meanwhile: Bremen");
    }

    private void bobSaves(TestAccount account, CustomerNumber number, String name, String city) {
        fixtures.as(account.email("Bob"), () -> {
            dev.kontor.account.AccountDetails now = accounts.details(number);
            dev.kontor.account.MasterData data = now.masterData();
            accounts.updateMasterData(now.accountId(), now.version(), new dev.kontor.account.MasterData(
                    name == null ? data.companyName() : name, data.street(), data.postalCode(),
                    city == null ? data.city() : city, data.country(), data.billingEmail(), data.emergencyPhone()));
        });
    }

    @Test
    void cancel_after_a_refused_save_takes_the_values_saved_meanwhile_in_german() {
        TestAccount account = fixtures.account("Alice", "Bob");
        CustomerNumber number = new CustomerNumber(account.customerNumber());
        fixtures.signIn(account.email("Alice"));
        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.GERMAN);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        TextField name = find(TextField.class).withId("company-name").single();
        TextField phone = find(TextField.class).withId("emergency-phone").single();
        String help = phone.getHelperText();
        test(name).setValue("Alice Typed GmbH");
        test(phone).setValue("+49 30 1234567");
        fixtures.as(account.email("Bob"), () -> {
            dev.kontor.account.AccountDetails now = accounts.details(number);
            dev.kontor.account.MasterData data = now.masterData();
            accounts.updateMasterData(now.accountId(), now.version(), new dev.kontor.account.MasterData(
                    "Bob Bakery KG", data.street(), data.postalCode(), data.city(), data.country(),
                    data.billingEmail(), "+49 40 7654321"));
        });
        test(find(Button.class).withId("save-master-data").single()).click();
        assertThat(find(Button.class).withClassName("show-current-values").single().getText())
                .isEqualTo("Aktuelle Werte zeigen");
        test(find(Button.class).withClassName("show-current-values").single()).click();
        assertThat(name.getHelperText()).isEqualTo("Inzwischen gespeichert: Bob Bakery KG");
        // the field's own help stays, after the note
        assertThat(phone.getHelperText()).isEqualTo("Inzwischen gespeichert: +49 40 7654321 · " + help);

        test(find(Button.class).withId("cancel-master-data").single()).click();

        assertThat(name.getValue()).isEqualTo("Bob Bakery KG");
        assertThat(name.getHelperText()).isNullOrEmpty();
        assertThat(phone.getValue()).isEqualTo("+49 40 7654321");
        assertThat(phone.getHelperText()).isEqualTo(help);
        assertThat(find(AccountDataDialog.class).single().isOpened()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void another_accounts_address_is_refused_with_an_access_denied_page() {
        navigate("accounts/CN-10002", RefusalView.class);

        assertThat(getCurrentView().getElement().getTextRecursively())
                .contains("Access denied", "You have no access to this, or it does not exist");
    }

    @Test
    void add_manager_says_the_same_words_for_a_known_and_an_unknown_address_and_shows_the_typed_name() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");
        String unknown = "unknown-" + java.util.UUID.randomUUID() + "@example.test";
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        String forKnown = addManager(known, "Kim Typed");
        String forUnknown = addManager(unknown, "Una Typed");

        assertThat(forKnown.replace(known, "ADDRESS")).isEqualTo(forUnknown.replace(unknown, "ADDRESS"))
                .isEqualTo("Invitation sent to ADDRESS.");
        assertThat(find(Span.class).withText("Kim Typed").exists()).isTrue();
        assertThat(find(Span.class).withText("Una Typed").exists()).isTrue();
        // the name the known person keeps for themselves is not shown to the inviter
        assertThat(find(Span.class).withText("Kim").exists()).isFalse();
    }

    private String addManager(String email, String name) {
        test(find(Button.class).withId("add-manager").single()).click();
        test(find(com.vaadin.flow.component.textfield.EmailField.class).withId("new-manager-email").single())
                .setValue(email);
        test(find(com.vaadin.flow.component.textfield.TextField.class).withId("new-manager-name").single())
                .setValue(name);
        test(find(Button.class).withId("submit-new-manager").single()).click();
        return test(find(com.vaadin.flow.component.notification.Notification.class).last()).getText();
    }

    private long membership(TestAccount account, String name) {
        return accounts.details(new CustomerNumber(account.customerNumber())).managers().stream()
                .filter(m -> m.displayName().equals(name)).findFirst().orElseThrow().membershipId();
    }
}
