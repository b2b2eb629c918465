package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kontor.testing.DemoPeople;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The provider's administrator creates a partner, then a customer account attached to it, and adds a cluster to
 * the account; support then finds the account by the cluster's name. On a laptop (1366 x 768), the partners page
 * also on a phone (390 x 844).
 */
@TestPropertySource(properties = "kontor.test.context=provider-administration-journey")
class ProviderAdministrationJourneyIT extends EndToEndTest {

    @Test
    void the_administrator_creates_a_partner_and_an_attached_account_with_a_service_that_support_finds() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        BrowserContext laptop = newContext("en-US", Viewport.LAPTOP_WIDTH, Viewport.LAPTOP_HEIGHT);
        Page admin = laptop.newPage();
        signIn(admin, "operator@kontor.test", DemoPeople.PASSWORD);

        admin.navigate(url("/admin/partners"));
        admin.locator("#new-partner").click();
        admin.locator("#new-partner-name input").fill("Agentur " + tag);
        admin.locator("#new-partner-email input").fill("rep-" + tag + "@example.test");
        admin.locator("#new-partner-representative input").fill("Rita Rep");
        Accessibility.assertNoSeriousViolations(admin, "new partner dialog");
        screenshot(admin, "95-new-partner-dialog");
        admin.locator("#submit-new-partner").click();
        assertThat(admin.locator("vaadin-notification-card")).containsText("Partner Agentur " + tag + " created");
        admin.locator("#partner-search input").fill(tag);
        assertThat(admin.locator("#partner-count")).hasText("One partner");
        Accessibility.assertNoSeriousViolations(admin, "partners");
        screenshot(admin, "96-partners");
        // a notice naming a partner whose name is one 200-character word wraps within the window
        String longName = ("Langname" + tag).repeat(20).substring(0, 200);
        admin.locator("#new-partner").click();
        admin.locator("#new-partner-name input").fill(longName);
        admin.locator("#new-partner-email input").fill("long-" + tag + "@example.test");
        admin.locator("#new-partner-representative input").fill("Lara Long");
        admin.locator("#submit-new-partner").click();
        Locator longNotice = admin.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText(longName.substring(0, 40)));
        assertThat(longNotice).isVisible();
        double right = ((Number) longNotice.evaluate("card => card.getBoundingClientRect().right")).doubleValue();
        org.assertj.core.api.Assertions.assertThat(right).as("the long notice's right edge")
                .isLessThanOrEqualTo(Viewport.LAPTOP_WIDTH);
        screenshot(admin, "96-partners-long-notice");

        admin.navigate(url("/admin/accounts"));
        admin.locator("#new-account").click();
        admin.locator("#new-account-name input").fill("Konto " + tag);
        admin.locator("#new-account-city input").fill("Hamburg");
        admin.locator("#new-account-manager-email input").fill("first-" + tag + "@example.test");
        admin.locator("#new-account-manager-name input").fill("Frieda First");
        admin.locator("#new-account-partner input").fill("Agentur " + tag);
        admin.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Agentur " + tag))
                .click();
        assertThat(admin.locator("#new-account-rights")).isVisible();
        Accessibility.assertNoSeriousViolations(admin, "new account dialog");
        screenshot(admin, "97-new-account-dialog");
        admin.locator("#submit-new-account").click();
        assertThat(admin.locator("vaadin-notification-card")).containsText("Account Konto " + tag);
        admin.locator("#account-search input").fill("Konto " + tag);
        assertThat(admin.locator("#account-count")).hasText("One customer account");
        admin.locator("vaadin-grid#accounts a").first().click();

        assertThat(admin.locator("#account-title")).containsText("Konto " + tag);
        admin.locator("#add-service").click();
        admin.locator("#service-name input").fill("k8s-" + tag);
        admin.locator("#save-service").click();
        assertThat(admin.locator("vaadin-grid#account-services")).containsText("k8s-" + tag);
        Accessibility.assertNoSeriousViolations(admin, "customer account administration");
        screenshot(admin, "98-account-services");
        laptop.close();

        BrowserContext phone = newContext("en-US", Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT);
        Page support = phone.newPage();
        signIn(support, DemoPeople.SUPPORT, DemoPeople.PASSWORD);
        support.navigate(url("/support"));
        support.locator("#lookup-search input").fill("k8s-" + tag);
        assertThat(support.locator("#lookup-results")).containsText("Konto " + tag);
        screenshot(support, "99-support-finds-service-phone");
        phone.close();

        BrowserContext phoneAdmin = newContext("en-US", Viewport.PHONE_WIDTH, Viewport.PHONE_HEIGHT);
        Page small = phoneAdmin.newPage();
        signIn(small, "operator@kontor.test", DemoPeople.PASSWORD);
        small.navigate(url("/admin/partners"));
        assertThat(small.locator("vaadin-grid#partners")).containsText("Muster Hosting GmbH");
        org.assertj.core.api.Assertions.assertThat(Viewport.sidewaysScroll(small, "partners on a phone")).isEmpty();
        Accessibility.assertNoSeriousViolations(small, "partners on a phone");
        screenshot(small, "96-partners-phone");
        // one partner on a phone: its people stacked beside Deactivate, its customers whole
        small.locator("vaadin-grid#partners a").filter(new Locator.FilterOptions().setHasText("Muster Hosting GmbH"))
                .first().click();
        assertThat(small.locator("#partner-title")).hasText("Muster Hosting GmbH");
        assertThat(small.locator("vaadin-grid#partner-people")).containsText("Legal representative");
        org.assertj.core.api.Assertions.assertThat(Viewport.sidewaysScroll(small, "a partner on a phone")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(Viewport.actionWithinWidth(
                small.locator("vaadin-grid#partner-people vaadin-button[id^=deactivate-]"), "a partner on a phone"))
                .isEmpty();
        Accessibility.assertNoSeriousViolations(small, "a partner on a phone");
        screenshot(small, "96-partner-phone");
        phoneAdmin.close();
    }
}
