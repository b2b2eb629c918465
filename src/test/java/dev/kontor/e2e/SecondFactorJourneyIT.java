package dev.kontor.e2e;

import dev.kontor.user.TestTasks;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationService;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.SignInCodes;
import dev.kontor.testing.TotpCodes;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The journeys. A partner administrator without an authenticator tries to enter a customer's account, is
 * sent to set one up on the Security page (the test computes the codes from the secret shown there), goes on into
 * the account, signs out, signs in with the password and a code, and enters again. Support staff without one are
 * led to set it up right after the password, and no other page opens before. In a context of its own, so that the
 * authenticators set up here are nobody else's starting point.
 */
@TestPropertySource(properties = "kontor.test.context=second-factor-journey")
@Import(Fixtures.class)
class SecondFactorJourneyIT extends EndToEndTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    OrganizationService organizations;

    @Test
    void a_partner_administrator_without_a_factor_sets_one_up_to_enter_an_account_and_then_signs_in_with_a_code() {
        String email = fixtures.person("Paula");
        long userId = fixtures.userIdOf(email);
        long muster = fixtures.as(DemoPeople.PARTNER_ADMIN,
                () -> organizations.myOrganizationsOfKind(OrganizationKind.PARTNER).getFirst().organizationId());
        onboarding.grant(TestTasks.setUp(), userId, muster, MembershipRole.PARTNER_ADMINISTRATOR);
        // nothing asks a partner administrator for a second factor at sign-in: the password signs in
        signIn(page, email, Fixtures.PASSWORD);

        page.navigate(url("/partner/customers"));
        page.locator("#access-CN-10001").click();
        assertThat(page).hasURL(Pattern.compile(".*/security\\?then=access(%2F|/)CN-10001"));
        assertThat(page.locator("#second-factor-needed")).containsText("To enter a customer's account");
        page.locator("#second-factor-start").click();
        assertThat(page.locator("#second-factor-qr")).isVisible();
        String secret = page.locator("#second-factor-secret").innerText().replace(" ", "");
        Accessibility.assertNoSeriousViolations(page, "authenticator set-up");
        screenshot("second-factor-set-up");

        long step = Instant.now().getEpochSecond() / 30;
        page.locator("#second-factor-code input").fill(TotpCodes.forStep(secret, step));
        page.locator("#second-factor-finish").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        Accessibility.assertNoSeriousViolations(page, "recovery codes");
        page.locator("#recovery-codes-done").click();
        // on into the account it was entering: this sign-in has the second factor now
        assertThat(page).hasURL(url("/access/CN-10001"));
        page.locator("#access-reason input").fill("TICKET-2FA");
        page.locator("#enter-account").click();
        assertThat(page.locator("#access-banner-text")).containsText("TICKET-2FA");
        assertThat(page.locator("#open-accessed-account")).isVisible();

        page.locator("#sign-out").click();
        // signing out lands on the sign-in page by itself: typing into it before then would be typing into a page
        // about to be replaced
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(Fixtures.PASSWORD);
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
        assertThat(page).hasURL(url("/access/CN-10001"));
        page.locator("#access-reason input").fill("TICKET-2FA-2");
        page.locator("#enter-account").click();
        assertThat(page.locator("#access-banner-text")).containsText("TICKET-2FA-2");
    }

    @Test
    void support_staff_without_a_factor_set_one_up_right_after_the_password_and_nothing_else_opens_before() {
        String email = fixtures.person("Sandra");
        long userId = fixtures.userIdOf(email);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + UUID.randomUUID().toString()
                .substring(0, 8));
        onboarding.grant(TestTasks.setUp(), userId, provider.getId(), MembershipRole.SUPPORT);

        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(Fixtures.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(page).hasURL(url("/sign-in/set-up"));
        assertThat(page.locator("#set-up-step-reasons"))
                .containsText("Support staff and provider administrators always sign in with a second factor.");
        String secret = page.locator("#second-factor-secret").innerText().replace(" ", "");
        assertThat(page.locator("#sign-out")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "set-up at sign-in");
        screenshot("second-factor-set-up-at-sign-in");

        // any other page sends the browser to sign in: the password alone signed nobody in
        page.navigate(url("/support"));
        assertThat(page).hasURL(url("/login"));
        page.navigate(url("/sign-in/set-up"));
        // the step still waits; opening it again starts the set-up again, with a new secret
        secret = page.locator("#second-factor-secret").innerText().replace(" ", "");

        page.locator("#second-factor-code input").fill(SignInCodes.fresh(secret));
        page.locator("#second-factor-finish").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        page.locator("#recovery-codes-done").click();
        assertThat(page.locator("#sign-out")).isVisible();
        page.navigate(url("/support"));
        assertThat(page).hasURL(url("/support"));
    }
}
