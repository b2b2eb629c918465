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

        // the most common laptop screen: the row's main action in sight, nothing to scroll sideways for
        page.setViewportSize(1366, 768);
        Layout.assertInSightWithoutScrollingSideways(page, page.locator("#access-CN-10001"), "Access account");
        Layout.assertGridFitsWithoutSideScrolling(grid, "managed customers at 1366 px");
        // the icon buttons drawn in the browser name themselves on hover, with Lumo's tooltip
        page.locator("#terminate-CN-10001").hover();
        page.waitForFunction("() => document.querySelector('#terminate-CN-10001 > vaadin-tooltip').opened");
        assertThat(page.locator("#terminate-CN-10001 > vaadin-tooltip"))
                .hasAttribute("text", "Terminate partnership");
        page.mouse().move(0, 0);
        screenshot("30-managed-customers-1366");
        // a phone: the actions stay at the row's end while the rest of the row scrolls below them
        page.setViewportSize(390, 844);
        Layout.assertInSightWithoutScrollingSideways(page, page.locator("#access-CN-10001"),
                "Access account on a phone");
        Accessibility.assertNoSeriousViolations(page, "managed customers on a phone");
        screenshot("30-managed-customers-390");
        assertThat(page.locator("#rights-CN-10001")).hasAttribute("aria-expanded", "false");
        page.locator("#rights-CN-10001").click();
        assertThat(page.locator("#rights-details-CN-10001")).containsText("Manage tenants");
        // the button drawn in the browser says that it opened the row's details
        assertThat(page.locator("#rights-CN-10001")).hasAttribute("aria-expanded", "true");
        screenshot("30-managed-customers-390-rights");
        page.navigate(url("/partner/requests"));
        Layout.assertInSightWithoutScrollingSideways(page, page.locator(
                "vaadin-grid#sent-requests vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Actions")), "the sent requests' actions on a phone");
        screenshot("30-sent-requests-390");
        page.setViewportSize(1366, 768);
        Layout.assertGridFitsWithoutSideScrolling(page.locator("vaadin-grid#sent-requests"),
                "sent requests at 1366 px");
        screenshot("30-sent-requests-1366");
        page.setViewportSize(1280, 900);
        page.navigate(url("/partner/customers"));

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
        assertThat(grid).containsText("Gärtnerei Grünwald");
        // exactly the granted rights: the new customer's row counts two and lists Manage contacts, nothing more
        Locator rights = page.locator("vaadin-button[id^='rights-CN-'][aria-label*='Gärtnerei Grünwald']");
        assertThat(rights).containsText("2 rights");
        rights.click();
        Locator details = page.locator("[id^='rights-details-']");
        assertThat(details).containsText("Manage contacts");
        assertThat(details).not().containsText("Manage users");
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
