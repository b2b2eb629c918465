package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.SignInCodes;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The second journey: a customer requires a second factor, and its people without one are led to set it up.
 * Ben, a manager of CN-10001, is signed in with his password when Anna switches the requirement on in the account
 * dialog; she sees who has none and reminds them. Her own next page is the set-up step; once done, a second reminder
 * the same day is refused. Ben's next page is the set-up step too, no other page opens before it is done; he
 * computes the code from the secret shown, sees his recovery codes once and lands on the dashboard. When Anna then
 * resets his factor (a lost phone), his open sign-in ends at once and his password leads to the set-up step again,
 * which names the account that requires it. Tom, administrator of a tenant below the account, is led to it right
 * after his password. In a context of its own: the requirement and the authenticators set up here are
 * nobody else's starting point.
 */
@TestPropertySource(properties = "kontor.test.context=second-factor-requirement-journey")
@Import({Outbox.class, Fixtures.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondFactorRequirementJourneyIT extends EndToEndTest {

    private static final String TOM = "tom@sonnenschein.test";

    @Autowired
    Outbox outbox;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SecondFactorPolicy policy;

    @Autowired
    OrganizationService organizations;

    @Test
    @Order(1)
    void a_customer_requires_it_and_a_manager_without_one_is_led_to_set_it_up() {
        // Ben works in Kontor with his password alone: nothing asks him for more yet
        BrowserContext benBrowser = newContext("en-US", Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);
        Page ben = benBrowser.newPage();
        signIn(ben, DemoPeople.BEN, DemoPeople.PASSWORD);
        assertThat(ben.locator("#account-CN-10001")).isVisible();

        context.close();
        context = newContext("en-US", Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);
        page = context.newPage();
        signIn(DemoPeople.ANNA);
        page.navigate(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        Locator section = page.locator("#second-factor-section");
        Locator requirement = page.locator("#second-factor-required");
        requirement.scrollIntoViewIfNeeded();
        assertThat(requirement).containsText("Require a second factor for everyone in Bäckerei Sonnenschein");
        assertThat(requirement.locator("input")).not().isChecked();
        assertThat(section.locator("#second-factor-without")).hasText("2 active members have no second factor yet.");
        Accessibility.assertNoSeriousViolations(page, "account dialog's two-factor section, laptop");
        screenshot("second-factor-requirement-laptop");
        page.setViewportSize(Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT);
        requirement.scrollIntoViewIfNeeded();
        Assertions.assertThat(Viewport.sidewaysScroll(page, "two-factor section on a phone")).isEmpty();
        Assertions.assertThat(Viewport.actionWithinWidth(requirement, "two-factor section on a phone")).isEmpty();
        Accessibility.assertNoSeriousViolations(page, "account dialog's two-factor section, phone");
        screenshot("second-factor-requirement-phone");
        page.setViewportSize(Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);

        requirement.locator("input").check();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Everyone in Bäckerei Sonnenschein must now sign in with a second factor."))).isVisible();
        // the people list marks who has none, the section counts them
        for (String name : new String[] {"Anna Becker", "Ben Schulz"}) {
            Locator row = page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText(name));
            assertThat(row.locator("[id^=no-second-factor-]")).hasText("No second factor");
        }
        page.locator("#second-factor-remind").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("2 reminders sent."))).isVisible();
        Assertions.assertThat(outbox.to(DemoPeople.BEN)).singleElement().satisfies(mail -> Assertions
                .assertThat(mail.body()).contains("/security").contains("Bäckerei Sonnenschein")
                .doesNotContain(DemoPeople.ANNA));

        // Anna's own next page is the set-up step: the requirement holds for whoever switched it on
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/sign-in/set-up"));
        assertThat(page.locator("#set-up-step-intro")).containsText("now requires a second factor");
        String annasSecret = page.locator("#second-factor-secret").innerText().replace(" ", "");
        page.locator("#second-factor-code input").fill(SignInCodes.fresh(annasSecret));
        page.locator("#second-factor-finish").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        page.locator("#recovery-codes-done").click();
        assertThat(page).hasURL(url("/"));
        page.navigate(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        assertThat(page.locator("#second-factor-without")).hasText("1 active member has no second factor yet.");
        assertThat(page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText("Anna Becker"))
                .locator("[id^=no-second-factor-]")).hasCount(0);
        assertThat(page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText("Ben Schulz"))
                .locator("[id^=no-second-factor-]")).hasText("No second factor");
        // a second reminder the same day is refused, in words, and mails nobody
        page.locator("#second-factor-remind").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("reminded less than a day ago"))).isVisible();
        Assertions.assertThat(outbox.to(DemoPeople.BEN)).hasSize(1);

        // Ben's next page, opened inside Kontor, is the set-up step
        ben.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Edit data Bäckerei Sonnenschein (CN-10001)")).click();
        assertThat(ben).hasURL(url("/sign-in/set-up"));
        assertThat(ben.locator("#set-up-step-intro")).containsText("now requires a second factor");
        assertThat(ben.locator("#set-up-step-reasons")).containsText(
                "Bäckerei Sonnenschein (CN-10001) requires a second factor (an authenticator app) of everyone in it");
        assertThat(ben.locator("#sign-out")).hasCount(0);
        // no other page opens before the set-up is done, not even by its address
        ben.navigate(url("/accounts/CN-10001"));
        assertThat(ben).hasURL(url("/login"));
        ben.navigate(url("/sign-in/set-up"));
        assertThat(ben.locator("#second-factor-qr")).isVisible();
        Accessibility.assertNoSeriousViolations(ben, "set-up step while signed in, laptop");
        screenshot(ben, "second-factor-set-up-required-laptop");
        ben.setViewportSize(Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT);
        Assertions.assertThat(Viewport.sidewaysScroll(ben, "set-up step on a phone")).isEmpty();
        Assertions.assertThat(Viewport.actionWithinWidth(ben.locator("#second-factor-finish"),
                "set-up step on a phone")).isEmpty();
        Accessibility.assertNoSeriousViolations(ben, "set-up step while signed in, phone");
        screenshot(ben, "second-factor-set-up-required-phone");
        ben.setViewportSize(Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);

        String secret = ben.locator("#second-factor-secret").innerText().replace(" ", "");
        ben.locator("#second-factor-code input").fill(SignInCodes.fresh(secret));
        ben.locator("#second-factor-finish").click();
        assertThat(ben.locator("#recovery-codes li")).hasCount(10);
        ben.locator("#recovery-codes-done").click();
        // on to the page he last asked for by its address, now signed in with both factors
        assertThat(ben).hasURL(java.util.regex.Pattern.compile(".*/accounts/CN-10001(\\?continue)?$"));
        assertThat(ben.locator("#sign-out")).isVisible();
        openSections(ben, "contact-person", "managers", "contacts", "partners");
        assertThat(ben.locator("#second-factor-without")).hasText("Every active member here has a second factor.");
        assertThat(ben.locator("#second-factor-remind")).hasCount(0);

        // Ben's phone is lost: Anna resets his factor, and the sign-in he made with it ends at once
        page.navigate(url("/accounts/CN-10001"));
        openSections("managers");
        Locator benRow = page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText("Ben Schulz"));
        benRow.locator("[id^=reset-second-factor-]").click();
        Locator question = page.locator("vaadin-confirm-dialog#confirm-second-factor-reset");
        assertThat(question).hasAttribute("opened", "");
        assertThat(question).containsText("signed out everywhere at once");
        question.locator("vaadin-button[slot='confirm-button']").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("The second factor of Ben Schulz was reset."))).isVisible();
        // Anna goes on working; Ben's row says what is left
        assertThat(benRow.locator("[id^=no-second-factor-]")).hasText("No second factor");
        ben.navigate(url("/accounts/CN-10001"));
        assertThat(ben).hasURL(url("/login"));
        // his password alone leads to the set-up step again, never to a code step the old phone could pass
        ben.locator("vaadin-login-form input[name=username]").fill(DemoPeople.BEN);
        ben.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
        ben.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(ben).hasURL(url("/sign-in/set-up"));
        assertThat(ben.locator("#set-up-step-reasons")).containsText("Bäckerei Sonnenschein (CN-10001) requires");
        page.navigate(url("/accounts/CN-10001"));
        assertThat(page.locator("#sign-out")).isVisible();
        benBrowser.close();
    }

    @Test
    @Order(2)
    void a_tenant_administrator_below_the_account_inherits_the_requirement_and_is_led_at_sign_in() {
        // switched on in the journey before; on again (nothing changes then) when this one runs alone
        fixtures.as(DemoPeople.ANNA, () -> policy.changeRequirement(organizations.myOrganizationsOfKind(
                OrganizationKind.CUSTOMER).getFirst().organizationId(), true));

        BrowserContext phone = newContext("en-US", Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT);
        Page tom = phone.newPage();
        tom.navigate(url("/login"));
        tom.locator("vaadin-login-form input[name=username]").fill(TOM);
        tom.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
        tom.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(tom).hasURL(url("/sign-in/set-up"));
        assertThat(tom.locator("#set-up-step-intro")).containsText("Your password was right.");
        // named: the organization above Tom's tenant whose rule reaches him
        assertThat(tom.locator("#set-up-step-reasons")).containsText(
                "Bäckerei Sonnenschein (CN-10001) requires a second factor (an authenticator app) of everyone in it"
                        + " and in the organizations below.");
        Assertions.assertThat(Viewport.sidewaysScroll(tom, "set-up step at sign-in on a phone")).isEmpty();
        Accessibility.assertNoSeriousViolations(tom, "set-up step at sign-in, phone");
        screenshot(tom, "second-factor-set-up-at-sign-in-phone");

        tom.navigate(url("/"));
        assertThat(tom).hasURL(url("/login"));
        tom.navigate(url("/sign-in/set-up"));
        String secret = tom.locator("#second-factor-secret").innerText().replace(" ", "");
        tom.locator("#second-factor-code input").fill(SignInCodes.fresh(secret));
        tom.locator("#second-factor-finish").click();
        assertThat(tom.locator("#recovery-codes li")).hasCount(10);
        tom.locator("#recovery-codes-done").click();
        assertThat(tom.locator("#sign-out")).isVisible();
        phone.close();
    }
}
