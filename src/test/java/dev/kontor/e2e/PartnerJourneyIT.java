package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kontor.testing.DemoPeople;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The journey: the legal representative of Muster Hosting adds a customer; the request reaches the new
 * manager through SMTP (GreenMail); they open the link in a browser of their own, grant only VIEW and
 * MANAGE_CONTACTS, and the partner then sees the customer with exactly those rights and the review notice.
 */
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
        "kontor.mail.poll-interval=200ms"})
class PartnerJourneyIT extends EndToEndTest {

    private static final Pattern REQUEST_LINK = Pattern.compile("https?://[^/\\s]+(/partner-request/[A-Za-z0-9_-]+)");
    private static final String NEW_MANAGER = "greta@gruenwald.test";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void a_legal_representative_adds_a_customer_who_grants_fewer_rights_which_the_partner_then_reviews()
            throws Exception {
        signIn(DemoPeople.LEGAL);
        page.navigate(url("/partner/customers"));
        Locator grid = page.locator("vaadin-grid#managed-customers");
        assertThat(grid).containsText("Bäckerei Sonnenschein");
        Accessibility.assertNoSeriousViolations(page, "managed customers");
        screenshot("30-managed-customers");

        page.locator("#add-customer").click();
        page.locator("#new-customer-name input").fill("Gärtnerei Grünwald");
        page.locator("#new-customer-manager-email input").fill(NEW_MANAGER);
        page.locator("#new-customer-manager-name input").fill("Greta Grünwald");
        for (String right : new String[] {"Manage users", "Manage contacts", "Manage tenants"}) {
            page.locator("#new-customer-rights vaadin-checkbox")
                    .filter(new Locator.FilterOptions().setHasText(right)).locator("input").check();
        }
        Accessibility.assertNoSeriousViolations(page, "add customer dialog");
        screenshot("31-add-customer");
        page.locator("#submit-new-customer").click();
        assertThat(page.locator("vaadin-notification-card")).containsText(NEW_MANAGER);

        String link = requestLinkMailedTo(NEW_MANAGER);
        try (BrowserContext managerBrowser = newContext("en-US", 1280, 900)) {
            Page manager = managerBrowser.newPage();
            manager.navigate(url(link));
            assertThat(manager.locator("#partner-request-text")).containsText("Muster Hosting GmbH");
            assertThat(manager.locator("#partner-request-text")).containsText("Gärtnerei Grünwald");
            manager.locator("#right-MANAGE_USERS input").uncheck();
            manager.locator("#right-MANAGE_TENANTS input").uncheck();
            manager.locator("#new-password input").fill("green houses need patient hands");
            manager.locator("#repeat-password input").fill("green houses need patient hands");
            Accessibility.assertNoSeriousViolations(manager, "request answer page");
            screenshot(manager, "32-answer-request");
            manager.locator("#accept-request").click();
            assertThat(manager.locator("#request-answered")).containsText("See the account, Manage contacts.");
        }

        page.reload();
        Locator row = grid.locator("vaadin-grid-cell-content");
        assertThat(grid).containsText("Gärtnerei Grünwald");
        // exactly the granted rights: the new customer's rights cell has Manage contacts and nothing more
        assertThat(row.filter(new Locator.FilterOptions().setHasText("Manage contacts"))
                .filter(new Locator.FilterOptions().setHasNotText("Manage users"))).hasCount(1);
        assertThat(grid).containsText("Review granted rights");
        screenshot("33-review-notice");

        page.locator("vaadin-button[id^='review-CN-']").click();
        assertThat(page.locator("#review-rights-dialog")).containsText("Manage tenants");
        screenshot("34-review-dialog");
        page.locator("#mark-reviewed").click();
        assertThat(page.locator("vaadin-button[id^='review-CN-']")).hasCount(0);
    }

    private String requestLinkMailedTo(String recipient) throws jakarta.mail.MessagingException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String body = GreenMailUtil.getBody(message).replace("=\r\n", "");
                Matcher matcher = REQUEST_LINK.matcher(body);
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient) && matcher.find()) {
                    return matcher.group(1);
                }
            }
            smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No request link was mailed to " + recipient);
    }
}
