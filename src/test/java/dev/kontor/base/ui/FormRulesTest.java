package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import dev.kontor.testing.ViewTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each kind of field that {@link FormRules#explainConstraints} knows says in words why its own check failed: the
 * required value, the length limits, the e-mail syntax, a date it cannot read.
 */
@ViewTest
class FormRulesTest extends SpringBrowserlessTest {

    private static final String REQUIRED = "Please fill in this field.";

    @Test
    void a_phone_number_with_too_many_digits_is_told_so_and_a_malformed_one_how_to_write_it() {
        Div owner = new Div();
        UI.getCurrent().add(owner);
        var phone = FormRules.phone(owner);
        var context = new com.vaadin.flow.data.binder.ValueContext();

        assertThat(phone.apply("", context).isError()).isFalse();
        assertThat(phone.apply("+49 5251 123456", context).isError()).isFalse();
        assertThat(phone.apply("1".repeat(35), context).getErrorMessage())
                .isEqualTo("A phone number has at most 15 digits (country code included).");
        assertThat(phone.apply("call me", context).getErrorMessage()).startsWith("Enter a phone number with digits");
    }

    @Test
    void text_fields_say_what_is_missing_too_long_or_too_short() {
        TextField required = new TextField();
        required.setRequiredIndicatorVisible(true);
        TextField limited = new TextField();
        limited.setMaxLength(5);
        TextArea area = new TextArea();
        area.setMaxLength(3);
        PasswordField password = new PasswordField();
        password.setMinLength(12);
        EmailField email = new EmailField();
        explained(required, limited, area, password, email);

        required.setValue("x");
        required.setValue("");
        limited.setValue("Bäckerei");
        area.setValue("abcd");
        password.setValue("short");
        email.setValue("anna@");

        assertThat(required.getErrorMessage()).isEqualTo(REQUIRED);
        assertThat(limited.getErrorMessage()).isEqualTo("At most 5 characters.");
        assertThat(area.getErrorMessage()).isEqualTo("At most 3 characters.");
        assertThat(password.getErrorMessage()).isEqualTo("At least 12 characters.");
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
        assertThat(List.<HasValidation>of(required, limited, area, password, email)).allMatch(HasValidation::isInvalid);
    }

    @Test
    void choices_say_that_one_is_needed() {
        ComboBox<String> combo = choice(new ComboBox<>());
        combo.setItems("a", "b");
        Select<String> select = choice(new Select<>());
        select.setItems("a", "b");
        RadioButtonGroup<String> radio = choice(new RadioButtonGroup<>());
        radio.setItems("a", "b");
        CheckboxGroup<String> boxes = choice(new CheckboxGroup<>());
        boxes.setItems("a", "b");
        explained(combo, select, radio, boxes);

        combo.setValue("a");
        combo.clear();
        select.setValue("a");
        select.clear();
        radio.setValue("a");
        radio.clear();
        boxes.setValue(Set.of("a"));
        boxes.clear();

        assertThat(List.<HasValidation>of(combo, select, radio, boxes)).allSatisfy(field -> {
            assertThat(field.isInvalid()).isTrue();
            assertThat(field.getErrorMessage()).isEqualTo(REQUIRED);
        });
    }

    @Test
    void a_date_picker_says_it_cannot_read_the_date_in_the_readers_language() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        DatePicker date = new DatePicker();
        explained(date);

        date.getElement().setProperty("_inputElementValue", "morgen früh");
        date.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(date.getElement(), "unparsable-change", JacksonUtils.createObjectNode()));

        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage())
                .isEqualTo("Geben Sie ein gültiges Datum ein oder wählen Sie eines im Kalender.");
    }

    @Test
    void the_explained_kinds_are_the_ones_these_tests_try() {
        assertThat(FormRules.EXPLAINED.stream().map(Class::getSimpleName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("TextField", "EmailField", "PasswordField", "TextArea", "DatePicker",
                        "ComboBox", "Select", "RadioButtonGroup", "CheckboxGroup");
    }

    private static <F extends Component & HasValue<?, ?>> F choice(F field) {
        field.setRequiredIndicatorVisible(true);
        return field;
    }

    /** The fields in a form on the page, explained as a form explains them. */
    private static void explained(Component... fields) {
        Div form = new Div(fields);
        UI.getCurrent().add(form);
        FormRules.explainConstraints(form);
    }
}
