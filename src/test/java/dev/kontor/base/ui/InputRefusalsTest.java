package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;

/** A service's refusal lands next to the field it names, else in the form's catch-all field, else in a notice. */
@ViewTest
class InputRefusalsTest extends SpringBrowserlessTest {

    private final TextField name = new TextField();
    private final TextField email = new TextField();

    private InputRefusals refusals() {
        Div form = new Div(name, email);
        UI.getCurrent().add(form);
        return InputRefusals.of(form).field("name", name).field("email", email);
    }

    @Test
    void a_refusal_of_a_known_field_is_shown_next_to_it_and_nothing_else_happens() {
        boolean accepted = refusals().run(() -> {
            throw new InvalidInput("email", "validation.required");
        });

        assertThat(accepted).isFalse();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(name.isInvalid()).isFalse();
        assertThat(find(Notification.class).all()).isEmpty();
    }

    @Test
    void a_refusal_of_a_field_the_form_does_not_have_becomes_an_assertive_error_notice() {
        boolean accepted = refusals().run(() -> {
            throw new InvalidInput("somewhereElse", "validation.required");
        });

        assertThat(accepted).isFalse();
        Notification notice = find(Notification.class).last();
        assertThat(test(notice).getText()).isEqualTo("Please fill in this field.");
        assertThat(notice.getThemeNames()).contains(NotificationVariant.LUMO_ERROR.getVariantName());
        assertThat(notice.isAssertive()).isTrue();
        assertThat(name.isInvalid()).isFalse();
    }

    @Test
    void a_form_with_a_catch_all_field_shows_every_unplaced_refusal_there() {
        boolean accepted = refusals().anyOtherIn(name).run(() -> {
            throw new InvalidInput(null, "validation.required");
        });

        assertThat(accepted).isFalse();
        assertThat(name.isInvalid()).isTrue();
        assertThat(find(Notification.class).all()).isEmpty();
    }

    @Test
    void an_accepted_call_gives_its_answer() {
        assertThat(refusals().call(() -> "saved")).contains("saved");
        assertThat(refusals().run(() -> { })).isTrue();
    }

    @Test
    void a_refusal_by_a_rule_goes_to_the_error_handler_unless_the_form_says_where_it_is_shown() {
        assertThatThrownBy(() -> refusals().run(() -> {
            throw new RuleViolation("validation.required");
        })).isInstanceOf(RuleViolation.class);
        assertThat(find(Notification.class).all()).isEmpty();

        boolean accepted = refusals().rulesIn(email).run(() -> {
            throw new RuleViolation("validation.too-long", 5);
        });
        assertThat(accepted).isFalse();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("validation.too-long", 5));

        List<String> said = new ArrayList<>();
        assertThat(refusals().rulesShownBy(said::add).run(() -> {
            throw new RuleViolation("validation.required");
        })).isFalse();
        assertThat(said).containsExactly("Please fill in this field.");

        assertThat(refusals().rulesAsNotice().run(() -> {
            throw new RuleViolation("validation.required");
        })).isFalse();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Please fill in this field.");
    }
}
