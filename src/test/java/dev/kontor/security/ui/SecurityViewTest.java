package dev.kontor.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import dev.kontor.testing.ViewTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ViewTest
class SecurityViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void signInAsSomeoneNew() {
        fixtures.signIn(fixtures.person("Vera"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String secret() {
        return find(Span.class).withId("second-factor-secret").single().getText().replace(" ", "");
    }

    private void type(String id, String value) {
        test(find(TextField.class).withId(id).single()).setValue(value);
    }

    private void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }

    @Test
    void a_person_sets_up_an_authenticator_with_the_qr_code_and_a_code_and_sees_ten_recovery_codes_once() {
        navigate(SecurityView.class);
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .contains("No authenticator app is set up");

        click("second-factor-start");
        assertThat(find(Image.class).withId("second-factor-qr").single().getAlt()).hasValue(
                "QR code for your authenticator app");
        String secret = secret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        type("second-factor-code", TotpCodes.now(secret, clock));
        click("second-factor-finish");

        List<ListItem> codes = find(UnorderedList.class).withId("recovery-codes").single().getChildren()
                .map(ListItem.class::cast).toList();
        assertThat(codes).hasSize(10);
        click("recovery-codes-done");
        assertThat(find(UnorderedList.class).withId("recovery-codes").exists()).isFalse();
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .contains("10 recovery codes are left");
    }

    @Test
    void a_wrong_code_is_said_next_to_the_field_and_sets_nothing_up() {
        navigate(SecurityView.class);
        click("second-factor-start");
        String secret = secret();
        String right = TotpCodes.now(secret, clock);
        type("second-factor-code", "000000".equals(right) ? "111111" : "000000");
        click("second-factor-finish");

        TextField code = find(TextField.class).withId("second-factor-code").single();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("This code is not valid");
        assertThat(find(UnorderedList.class).withId("recovery-codes").exists()).isFalse();
    }

    @Test
    void turning_off_asks_for_a_current_code() {
        navigate(SecurityView.class);
        click("second-factor-start");
        String secret = secret();
        type("second-factor-code", TotpCodes.now(secret, clock));
        click("second-factor-finish");
        click("recovery-codes-done");

        type("second-factor-current-code", "");
        click("second-factor-turn-off");
        assertThat(find(TextField.class).withId("second-factor-current-code").single().isInvalid()).isTrue();

        clock.advance(Duration.ofSeconds(30));
        type("second-factor-current-code", TotpCodes.now(secret, clock));
        click("second-factor-turn-off");
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .contains("No authenticator app is set up");
    }

    @Test
    void enter_in_the_code_field_finishes_the_set_up() {
        navigate(SecurityView.class);
        click("second-factor-start");
        TextField code = find(TextField.class).withId("second-factor-code").single();
        test(code).setValue(TotpCodes.now(secret(), clock));

        com.vaadin.browserless.internal.ShortcutsKt._fireShortcut(code, com.vaadin.flow.component.Key.ENTER);

        assertThat(find(UnorderedList.class).withId("recovery-codes").single().getChildren().count()).isEqualTo(10);
    }

    @Test
    void the_state_says_on_which_day_the_app_was_set_up_and_after_turning_off_the_focus_is_on_set_up() {
        navigate(SecurityView.class);
        click("second-factor-start");
        String secret = secret();
        type("second-factor-code", TotpCodes.now(secret, clock));
        click("second-factor-finish");
        click("recovery-codes-done");
        String day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.ENGLISH).withZone(dev.kontor.base.ui.Moments.zone())
                .format(clock.instant());
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .startsWith("An authenticator app was set up on " + day + ".");

        clock.advance(Duration.ofSeconds(30));
        type("second-factor-current-code", TotpCodes.now(secret, clock));
        com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        click("second-factor-turn-off");

        Button start = find(Button.class).withId("second-factor-start").single();
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .as("the focus goes to the button that sets an app up again, not to the page's start")
                .anyMatch(call -> call.getOwner() == start.getElement().getNode()
                        && call.getInvocation().getExpression().contains("focus"));
    }
}
