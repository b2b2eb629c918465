package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.testing.DemoPeople;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A person signs in through the real form in Chromium, finds their way around, switches to German, signs out. */
class SignInJourneyIT extends EndToEndTest {

    @Test
    void a_manager_signs_in_sees_her_account_switches_to_german_and_signs_out() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Accessibility.assertNoSeriousViolations(page, "login page");
        screenshot("01-login");

        // Dora's choice of German is remembered: no other journey depends on her language
        submitLogin(DemoPeople.DORA, DemoPeople.PASSWORD);

        assertThat(page.locator("#signed-in-person")).hasText("Dora Nordmann");
        assertThat(page.locator("#main-navigation vaadin-side-nav-item")).hasCount(3);
        assertThat(page.locator("#main-navigation")).containsText("Dashboard");
        assertThat(page.locator("#main-navigation")).containsText("Tenants");
        assertThat(page.locator("#main-navigation")).containsText("Audit log");
        assertThat(page.locator("#account-CN-10003")).containsText("CN-10003");
        assertThat(page.locator("#account-CN-10003")).containsText("Nordlicht Reisen");
        Accessibility.assertNoSeriousViolations(page, "dashboard");
        screenshot("02-dashboard");

        page.locator("#language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Deutsch")).click();
        assertThat(page.locator("#sign-out")).hasText("Abmelden");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("#main-navigation")).containsText("Übersicht");
        assertThat(page.locator("#main-navigation")).containsText("Mandanten");
        assertThat(page.locator("#account-CN-10003")).containsText("Daten bearbeiten");
        screenshot("03-dashboard-de");

        page.locator("#sign-out").click();
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void a_wrong_password_shows_the_generic_message_and_a_deep_link_survives_sign_in() {
        page.navigate(url("/no/such/page"));
        assertThat(page).hasURL(url("/login"));

        submitLogin(DemoPeople.BEN, "not the password");
        assertThat(page.locator("vaadin-login-form")).containsText("Sign-in failed");
        // the same words for every failure, throttled or not; they promise a wait of a minute at most
        assertThat(page.locator("vaadin-login-form")).containsText("at most a minute");
        // the address stays; only the password is typed again
        assertThat(page.locator("vaadin-login-form input[name=username]")).hasValue(DemoPeople.BEN);
        screenshot("04-login-failed");

        submitLogin(DemoPeople.BEN, DemoPeople.PASSWORD);
        // Spring Security marks the returning request with "?continue"
        assertThat(page).hasURL(Pattern.compile("/no/such/page(\\?continue)?$"));
        assertThat(page.locator("#not-found")).containsText("Page not found");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Accessibility.assertNoSeriousViolations(page, "not-found page");
        screenshot("05-not-found");
    }

    @Test
    void on_a_phone_the_menu_folds_away_and_the_dashboard_stays_readable() {
        page.setViewportSize(390, 844);
        page.navigate(url("/login"));
        submitLogin(DemoPeople.BEN, DemoPeople.PASSWORD);

        assertThat(page.locator("#account-CN-10001")).containsText("Bäckerei Sonnenschein");
        assertThat(page.locator("#main-navigation")).not().isInViewport();
        screenshot("06-phone-dashboard");

        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("vaadin-app-layout")).hasAttribute("drawer-opened", "");
        assertThat(page.locator("#main-navigation")).isInViewport();
        page.waitForTimeout(500); // let the drawer finish sliding in before the picture
        screenshot("07-phone-menu");
        Accessibility.assertNoSeriousViolations(page, "phone layout with open menu");
    }

    @Test
    void the_content_security_policy_stops_a_script_that_loads_from_another_site_and_the_journey_notices() {
        page.navigate(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();

        // what an injected script would try: send something to another site
        page.evaluate("() => { const image = document.createElement('img');"
                + " image.src = 'https://attacker.example/steal.png'; document.body.append(image); }");
        page.waitForTimeout(500);

        org.assertj.core.api.Assertions.assertThat(policyViolations())
                .anySatisfy(violation -> org.assertj.core.api.Assertions.assertThat(violation)
                        .contains("attacker.example").contains("Content Security Policy"));
        policyViolations().clear();
    }

    private void submitLogin(String email, String password) {
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    }

}
