package dev.kontor.partner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every field of Add customer and Request relationship that can be invalid says why in words next to it. */
@ViewTest
class FieldMessagesTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void add_customer_explains_a_missing_company_and_a_bad_manager_address() {
        navigate(ManagedCustomersView.class);
        test(button("add-customer")).click();

        test(email("new-customer-manager-email")).setValue("bruno@brise");
        test(button("submit-new-customer")).click();

        assertThat(message(textField("new-customer-name"))).isEqualTo("Please fill in this field.");
        assertThat(message(email("new-customer-manager-email")))
                .isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void request_relationship_explains_a_malformed_customer_number_and_a_bad_address() {
        navigate(ManagedCustomersView.class);
        test(button("request-relationship")).click();

        test(textField("request-customer-number")).setValue("CN-1000A");
        test(email("request-manager-email")).setValue("dora@nordlicht.test");
        test(button("review-request")).click();
        assertThat(message(textField("request-customer-number")))
                .isEqualTo("Enter a customer number such as CN-10001.");

        test(textField("request-customer-number")).setValue("CN-10003");
        test(email("request-manager-email")).setValue("dora@");
        test(button("review-request")).click();
        assertThat(message(email("request-manager-email")))
                .isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_malformed_customer_number_is_explained_as_soon_as_the_field_is_left() {
        navigate(ManagedCustomersView.class);
        test(button("request-relationship")).click();

        test(textField("request-customer-number")).setValue("CN-1000A");

        assertThat(message(textField("request-customer-number")))
                .isEqualTo("Enter a customer number such as CN-10001.");
        test(textField("request-customer-number")).setValue("10003");
        assertThat(textField("request-customer-number").isInvalid()).isFalse();
    }

    private static String message(HasValidation field) {
        assertThat(field.isInvalid()).as("invalid").isTrue();
        return field.getErrorMessage();
    }

    private EmailField email(String id) {
        return find(EmailField.class).withId(id).single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }
}
