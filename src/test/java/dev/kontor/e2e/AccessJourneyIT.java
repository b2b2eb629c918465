package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.kontor.support.DemoPeople;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A partner administrator enters CN-10001 from the managed customers, with a ticket number; every page shows whose
 * account they work in; they hold the partnership's rights (manage users, not the account data), then leave.
 */
class AccessJourneyIT extends EndToEndTest {

    @Test
    void a_partner_administrator_works_in_a_customer_account_and_leaves_it() {
        signIn(DemoPeople.PARTNER_ADMIN);
        page.navigate(url("/partner/customers"));
        page.locator("#access-CN-10001").click();

        assertThat(page).hasURL(url("/access/CN-10001"));
        page.locator("#access-reason input").fill("TICKET-4711");
        page.locator("#enter-account").click();

        assertThat(page).hasURL(url("/accounts/CN-10001"));
        assertThat(page.locator("#access-banner-text")).containsText(
                "You are working in Bäckerei Sonnenschein (CN-10001) for Muster Hosting GmbH");
        assertThat(page.locator("#access-banner-text")).containsText("TICKET-4711");
        assertThat(page).hasTitle(Pattern.compile("^Bäckerei Sonnenschein \\(CN-10001\\) · "));
        assertThat(page.locator("#edit-contact-person")).isVisible();
        assertThat(page.locator("#save-master-data")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page, "account dialog inside an access session");
        screenshot("40-access-session");

        page.locator("#confirm-contact-data").click();
        assertThat(page.locator("#contact-confirmation")).containsText("Contact data confirmed");

        page.locator("#close-account-dialog").click();
        assertThat(page.locator("#access-banner")).isVisible();
        page.locator("#leave-account").click();
        assertThat(page).hasURL(url("/partner/customers"));
        assertThat(page.locator("#managed-customers")).isVisible();
        assertThat(page.locator("#access-banner")).hasCount(0);
        screenshot("41-left");
        page.navigate(url("/accounts/CN-10001"));
        assertThat(page.locator("#refused")).containsText("Access denied");
        screenshot("41-after-leaving");
    }
}
