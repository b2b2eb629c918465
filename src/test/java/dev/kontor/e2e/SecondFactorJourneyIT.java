package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.TotpCodes;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The journey: the partner administrator sets up an authenticator on the Security page (the test computes
 * the codes from the secret shown there), signs out, signs in with the password and a code, and enters a customer
 * account. In a context of its own, so that the authenticator set up here is nobody else's starting point.
 */
@TestPropertySource(properties = "kontor.test.context=second-factor-journey")
class SecondFactorJourneyIT extends EndToEndTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void a_partner_administrator_sets_up_an_authenticator_and_then_signs_in_with_a_code() {
        signIn(DemoPeople.PARTNER_ADMIN);
        page.locator("#security-link").click();
        assertThat(page).hasURL(url("/security"));
        page.locator("#second-factor-start").click();
        assertThat(page.locator("#second-factor-qr")).isVisible();
        String secret = page.locator("#second-factor-secret").innerText().replace(" ", "");
        Accessibility.assertNoSeriousViolations(page, "authenticator set-up");
        screenshot("second-factor-set-up");

        long step = clock.instant().getEpochSecond() / 30;
        page.locator("#second-factor-code input").fill(TotpCodes.forStep(secret, step));
        page.locator("#second-factor-finish").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        Accessibility.assertNoSeriousViolations(page, "recovery codes");
        page.locator("#recovery-codes-done").click();
        assertThat(page.locator("#second-factor-state")).containsText("10 recovery codes are left");

        page.locator("#sign-out").click();
        // signing out lands on the sign-in page by itself: typing into it before then would be typing into a page
        // about to be replaced
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        page.locator("vaadin-login-form input[name=username]").fill(DemoPeople.PARTNER_ADMIN);
        page.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(page).hasURL(url("/sign-in/code"));
        assertThat(page.locator("#second-step-code")).isVisible();
        assertThat(page).hasTitle("Sign-in code");
        assertThat(page.locator("#sign-out")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "second sign-in step");
        screenshot("second-step");

        // the set-up's code is spent; a wrong one is refused; the app's next code (one step ahead) signs in
        page.locator("#second-step-code input").fill(TotpCodes.forStep(secret, step));
        page.locator("#second-step-submit").click();
        assertThat(page.locator("#second-step-code")).hasAttribute("invalid", "");
        page.locator("#second-step-code input").fill(TotpCodes.forStep(secret, step + 1));
        page.locator("#second-step-submit").click();
        assertThat(page.locator("#sign-out")).isVisible();

        page.navigate(url("/partner/customers"));
        page.locator("#access-CN-10001").click();
        page.locator("#access-reason input").fill("TICKET-2FA");
        page.locator("#enter-account").click();
        // entering lands on the dashboard, under the banner, with the customer's card
        assertThat(page.locator("#access-banner-text")).containsText("TICKET-2FA");
        assertThat(page.locator("#open-accessed-account")).isVisible();
    }
}
