package dev.kontor.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every field of the account data and of Add manager that can be invalid says why in words next to it, in the
 * reader's language: colour alone is no message.
 */
@ViewTest
class FieldMessagesTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void bad_account_data_is_explained_next_to_each_field() {
        openAccountData();

        test(textField("company-name")).setValue("");
        test(textField("postal-code")).setValue("33098!");
        test(billingEmail()).setValue("rechnung@");
        test(textField("emergency-phone")).setValue("call the baker");
        test(button("save-master-data")).click();

        assertThat(message(textField("company-name"))).isEqualTo("Please fill in this field.");
        assertThat(message(textField("postal-code")))
                .isEqualTo("Enter a valid postal code (letters, digits, spaces and hyphens).");
        assertThat(message(billingEmail())).isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
        assertThat(message(textField("emergency-phone")))
                .isEqualTo("Enter a phone number with digits, optionally starting with +, e.g. +49 5251 123456.");
    }

    @Test
    void in_german_the_account_data_is_explained_in_german() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        openAccountData();

        test(textField("company-name")).setValue("");
        test(billingEmail()).setValue("rechnung@bäckerei");
        test(textField("postal-code")).setValue("<33098>");
        test(button("save-master-data")).click();

        assertThat(message(textField("company-name"))).isEqualTo("Bitte füllen Sie dieses Feld aus.");
        assertThat(message(billingEmail()))
                .isEqualTo("Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.");
        assertThat(message(textField("postal-code"))).isEqualTo(
                "Geben Sie eine gültige Postleitzahl ein (Buchstaben, Ziffern, Leerzeichen und Bindestriche).");
    }

    @Test
    void add_manager_explains_a_bad_address_and_a_missing_name() {
        openAccountData();
        test(button("add-manager")).click();

        test(find(EmailField.class).withId("new-manager-email").single()).setValue("nina.neu@");
        test(button("submit-new-manager")).click();

        assertThat(message(find(EmailField.class).withId("new-manager-email").single()))
                .isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
        assertThat(message(textField("new-manager-name"))).isEqualTo("Please fill in this field.");
    }

    private void openAccountData() {
        TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
    }

    /** The words next to the field; empty when the field is valid, so a red field without words fails here. */
    private static String message(com.vaadin.flow.component.HasValidation field) {
        assertThat(field.isInvalid()).as("invalid").isTrue();
        return field.getErrorMessage();
    }

    private EmailField billingEmail() {
        return find(EmailField.class).withId("billing-email").single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }
}
