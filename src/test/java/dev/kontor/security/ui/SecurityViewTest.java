package dev.kontor.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.kontor.security.SecondStep;
import dev.kontor.security.SignInFactors;
import dev.kontor.testing.Fixtures;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

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

    /** Opens the page and sets up an authenticator app up to the recovery codes shown; its secret. */
    private String codesShown() {
        navigate(SecurityView.class);
        click("second-factor-start");
        String secret = secret();
        type("second-factor-code", TotpCodes.now(secret, clock));
        click("second-factor-finish");
        return secret;
    }

    /** Sets up an authenticator app to the end, the recovery codes put away; its secret. */
    private String appSetUp() {
        String secret = codesShown();
        click("recovery-codes-done");
        return secret;
    }

    /** The key pressed in {@code field}, as the browser sends it. */
    private static void press(TextField field, Key key) {
        ShortcutsKt._fireShortcut(field, key);
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
    void on_a_phone_the_app_opens_from_a_link_and_the_secret_can_be_copied_and_browsers_show_only_with_a_factor() {
        navigate(SecurityView.class);
        // without a second factor no browser skips anything: the page does not talk about it
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("remembered-browsers").exists()).isFalse();

        click("second-factor-start");
        String secret = secret();
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("second-factor-open-app").single()
                .getHref()).startsWith("otpauth://totp/").contains("secret=" + secret);
        assertThat(find(Button.class).withId("second-factor-copy-secret").single().getText())
                .isEqualTo("Copy secret");
        type("second-factor-code", TotpCodes.now(secret, clock));
        click("second-factor-finish");
        click("recovery-codes-done");

        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("remembered-browsers").single().isVisible())
                .isTrue();
        assertThat(find(Paragraph.class).withId("remembered-browsers-count").single().getText())
                .startsWith("No browser skips the code");
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
        String secret = appSetUp();
        // side by side, New recovery codes and Turn off keep a gap between them
        assertThat(find(Button.class).withId("second-factor-turn-off").single().getParent().orElseThrow()
                .getClassNames()).contains("section-buttons");

        click("second-factor-turn-off");
        type("second-factor-current-code", "");
        click("second-factor-turn-off-now");
        assertThat(find(TextField.class).withId("second-factor-current-code").single().isInvalid()).isTrue();

        clock.advance(Duration.ofSeconds(30));
        type("second-factor-current-code", TotpCodes.now(secret, clock));
        click("second-factor-turn-off-now");
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .contains("No authenticator app is set up");
    }

    @Test
    void where_a_second_factor_is_required_turn_off_is_not_offered_and_the_page_says_why() {
        Fixtures.TestAccount account = fixtures.account("Rosa");
        fixtures.signIn(account.email("Rosa"));
        navigate(SecurityView.class);
        click("second-factor-start");
        type("second-factor-code", TotpCodes.now(secret(), clock));
        click("second-factor-finish");
        click("recovery-codes-done");
        assertThat(find(Button.class).withId("second-factor-turn-off").single().isVisible()).isTrue();

        jdbc.update("update organization set second_factor_required = true where id = ?", account.id());
        navigate(SecurityView.class);

        assertThat(find(Button.class).withId("second-factor-turn-off").exists()).isFalse();
        assertThat(find(Paragraph.class).withId("second-factor-required").single().getText())
                .startsWith("A second factor is required of you here");
        assertThat(find(Button.class).withId("second-factor-renew").single().isVisible()).isTrue();
    }

    /** The sign-in of this test as made with the password alone, as before the set-up or in another browser. */
    private static void passwordOnly() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null,
                current.getAuthorities().stream()
                        .filter(authority -> !SecondStep.TOTP_AUTHORITY.equals(authority.getAuthority())).toList()));
        SecurityContextHolder.setContext(context);
    }

    @Test
    void setting_up_the_app_makes_this_sign_in_one_with_a_second_factor_and_goes_on_to_the_account() {
        passwordOnly();
        UI.getCurrent().navigate("security", QueryParameters.of("then", "access/CN-10001"));
        assertThat(find(Paragraph.class).withId("second-factor-needed").single().isVisible()).isTrue();
        click("second-factor-start");
        type("second-factor-code", TotpCodes.now(secret(), clock));
        click("second-factor-finish");

        assertThat(SignInFactors.secondFactorInThisSignIn()).isTrue();
        click("recovery-codes-done");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("access/CN-10001");
    }

    @Test
    void a_code_confirms_a_sign_in_made_before_the_app_was_set_up_and_a_foreign_address_is_not_followed() {
        String secret = codesShown();
        passwordOnly();

        UI.getCurrent().navigate("security", QueryParameters.of("then", "https://attacker.test/"));
        assertThat(find(Paragraph.class).withId("second-factor-needed").exists()).as("not visible").isFalse();
        assertThat(find(Paragraph.class).withId("second-factor-not-in-this-sign-in").single().getText())
                .startsWith("This sign-in was made with your password only.");
        type("second-factor-current-code", TotpCodes.now(secret, clock));
        click("second-factor-confirm");
        TextField code = find(TextField.class).withId("second-factor-current-code").single();
        assertThat(code.getErrorMessage()).as("the set-up's code is spent").startsWith("This code is not valid");
        assertThat(SignInFactors.secondFactorInThisSignIn()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        type("second-factor-current-code", TotpCodes.now(secret, clock));
        click("second-factor-confirm");
        assertThat(SignInFactors.secondFactorInThisSignIn()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(SecurityView.class);
        assertThat(find(Paragraph.class).withId("second-factor-not-in-this-sign-in").exists()).isFalse();
    }

    @Test
    void enter_in_the_code_field_finishes_the_set_up() {
        navigate(SecurityView.class);
        click("second-factor-start");
        TextField code = find(TextField.class).withId("second-factor-code").single();
        test(code).setValue(TotpCodes.now(secret(), clock));

        press(code, Key.ENTER);

        assertThat(find(UnorderedList.class).withId("recovery-codes").single().getChildren().count()).isEqualTo(10);
    }

    @Test
    void enter_in_the_current_code_field_does_that_steps_action_and_esc_goes_back() {
        String secret = appSetUp();

        click("second-factor-renew");
        assertThat(find(Paragraph.class).withId("second-factor-action-intro").single().getText())
                .startsWith("To make new recovery codes");
        TextField code = find(TextField.class).withId("second-factor-current-code").single();
        press(code, Key.ESCAPE);
        assertThat(find(Paragraph.class).withId("second-factor-action-intro").exists()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        click("second-factor-renew");
        code = find(TextField.class).withId("second-factor-current-code").single();
        test(code).setValue(TotpCodes.now(secret, clock));
        press(code, Key.ENTER);
        assertThat(find(UnorderedList.class).withId("recovery-codes").single().getChildren().count()).isEqualTo(10);
        click("recovery-codes-done");

        clock.advance(Duration.ofSeconds(30));
        click("second-factor-turn-off");
        code = find(TextField.class).withId("second-factor-current-code").single();
        test(code).setValue(TotpCodes.now(secret, clock));
        press(code, Key.ENTER);
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .contains("No authenticator app is set up");
    }

    @Test
    void enter_in_the_code_field_of_a_sign_in_made_without_the_app_confirms_it() {
        String secret = codesShown();
        passwordOnly();
        navigate(SecurityView.class);

        clock.advance(Duration.ofSeconds(30));
        TextField code = find(TextField.class).withId("second-factor-current-code").single();
        test(code).setValue(TotpCodes.now(secret, clock));
        press(code, Key.ENTER);

        assertThat(SignInFactors.secondFactorInThisSignIn()).isTrue();
    }

    @Test
    void the_state_says_on_which_day_the_app_was_set_up_and_after_turning_off_the_focus_is_on_set_up() {
        String secret = appSetUp();
        String day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.ENGLISH).withZone(dev.kontor.base.ui.Moments.zone())
                .format(clock.instant());
        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .startsWith("An authenticator app was set up on " + day + ".");

        clock.advance(Duration.ofSeconds(30));
        click("second-factor-turn-off");
        type("second-factor-current-code", TotpCodes.now(secret, clock));
        com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        click("second-factor-turn-off-now");

        Button start = find(Button.class).withId("second-factor-start").single();
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .as("the focus goes to the button that sets an app up again, not to the page's start")
                .anyMatch(call -> call.getOwner() == start.getElement().getNode()
                        && call.getInvocation().getExpression().contains("focus"));
    }
}
