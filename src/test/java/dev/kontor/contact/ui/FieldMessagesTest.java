package dev.kontor.contact.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.contact.ContactType;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.ViewTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every field of the contact dialog that can be invalid says why in words next to it. */
@ViewTest
class FieldMessagesTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void the_contact_dialog_explains_each_bad_field_next_to_it() {
        TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        test(button("add-contact")).click();

        test(textField("contact-last-name")).setValue("Technik");
        test(email()).setValue("tina@technik");
        test(button("save-contact")).click();

        assertThat(message(textField("contact-first-name"))).isEqualTo("Please fill in this field.");
        assertThat(message(email())).isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
        assertThat(message(types())).isEqualTo("Choose at least one contact type.");

        // the phone number is the service's to judge, and its answer stands next to the field too
        test(textField("contact-first-name")).setValue("Tina");
        test(email()).setValue("tina@technik.test");
        types().setValue(Set.of(ContactType.TECHNICAL));
        test(textField("contact-phone")).setValue("ask at the front desk");
        test(button("save-contact")).click();

        assertThat(message(textField("contact-phone")))
                .isEqualTo("Enter a phone number with digits, optionally starting with +, e.g. +49 5251 123456.");
    }

    @Test
    void a_phone_number_that_cannot_be_dialled_is_explained_as_soon_as_the_field_is_left() {
        TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        test(button("add-contact")).click();

        // a text field's value reaches the server when it is left: no Save pressed
        test(textField("contact-phone")).setValue("ask at the front desk");

        assertThat(message(textField("contact-phone")))
                .isEqualTo("Enter a phone number with digits, optionally starting with +, e.g. +49 5251 123456.");
        test(textField("contact-phone")).setValue("+49 5251 123456");
        assertThat(textField("contact-phone").isInvalid()).isFalse();
    }

    private static String message(HasValidation field) {
        assertThat(field.isInvalid()).as("invalid").isTrue();
        return field.getErrorMessage();
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<ContactType> types() {
        return find(CheckboxGroup.class).withId("contact-types").single();
    }

    private EmailField email() {
        return find(EmailField.class).withId("contact-email").single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }
}
