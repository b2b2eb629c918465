package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.testing.DemoPeople;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The issue's journey: the partner administrator, working in CN-10001, adds a TECHNICAL contact without access and
 * a BILLING contact from an existing user (Ben), changes Ben's contact address, the new address confirms it from the
 * mail (GreenMail), and the managers list's contact types show Ben as billing contact.
 */
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
        "kontor.mail.poll-interval=200ms"})
class ContactJourneyIT extends EndToEndTest {

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("https?://[^/\\s]+(/contact-email/[A-Za-z0-9_-]+)");
    private static final String NEW_ADDRESS = "ben.billing@sonnenschein.test";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void a_partner_administrator_keeps_the_contacts_of_a_customer_current() throws Exception {
        signIn(DemoPeople.PARTNER_ADMIN);
        page.navigate(url("/partner/customers"));
        page.locator("#access-CN-10001").click();
        page.locator("#enter-account").click();
        page.locator("#open-accessed-account").click();
        assertThat(page).hasURL(url("/accounts/CN-10001"));
        openSections("contact-person", "managers", "contacts", "partners");
        Locator contacts = page.locator("vaadin-grid#contacts");
        assertThat(contacts).containsText("Paul Pfeiffer");

        page.locator("#add-contact").click();
        page.locator("#contact-first-name input").fill("Tilo");
        page.locator("#contact-last-name input").fill("Technik");
        page.locator("#contact-email input").fill("tilo.technik@@example");
        page.locator("#contact-phone input").fill("0171 9876543");
        page.locator("#contact-types vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Technical"))
                .locator("input").check();
        // Enter in another field tries to save: the invalid address takes the focus, with its message
        page.locator("#contact-last-name input").press("Enter");
        assertThat(page.locator("#contact-email")).hasAttribute("invalid", "");
        page.waitForFunction("() => document.activeElement && document.activeElement.closest('#contact-email')");
        page.locator("#contact-email input").fill("tilo.technik@example.test");
        Accessibility.assertNoSeriousViolations(page, "add contact");
        screenshot("70-add-contact");
        page.locator("#save-contact").click();
        assertThat(contacts).containsText("Tilo Technik");
        assertThat(contacts).containsText("+49 171 9876543");

        page.locator("#add-contact").click();
        page.locator("#contact-who vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("An existing user")).locator("input").check();
        page.locator("#contact-user input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ben Schulz (ben@sonnenschein.test)"))
                .click();
        page.locator("#contact-types vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Billing"))
                .locator("input").check();
        page.locator("#save-contact").click();
        assertThat(contacts).containsText("Ben Schulz");
        Locator benAsManager = page.locator("#managers .manager-row")
                .filter(new Locator.FilterOptions().setHasText("ben@sonnenschein.test"));
        assertThat(benAsManager).containsText("Billing");
        screenshot("71-contacts-and-users");

        Locator benRow = contacts.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Ben Schulz"));
        String editId = "edit-contact-" + contactIdOf(contacts, "ben@sonnenschein.test");
        page.locator("#" + editId).click();
        page.locator("#contact-email input").fill(NEW_ADDRESS);
        page.locator("#save-contact").click();
        assertThat(page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions().setHasText("confirmation link has been sent"))).hasCount(1);
        assertThat(contacts).containsText("pending confirmation: " + NEW_ADDRESS);
        assertThat(page.locator("#contact-dialog")).hasCount(0);
        assertThat(benRow.first()).isVisible();
        screenshot("72-pending-confirmation");

        String link = confirmationLinkTo(NEW_ADDRESS);
        try (BrowserContext mailReader = newContext("en-US", 1280, 900)) {
            Page ben = mailReader.newPage();
            ben.navigate(url(link));
            assertThat(ben.locator("#confirm-email-text")).containsText(NEW_ADDRESS);
            Accessibility.assertNoSeriousViolations(ben, "confirm new e-mail address");
            ben.locator("#confirm-email").click();
            assertThat(ben.locator("#email-confirmed")).containsText(NEW_ADDRESS);
            screenshot(ben, "73-address-confirmed");
            ben.navigate(url(link));
            assertThat(ben.locator("#email-change-closed")).containsText("not valid");
        }

        // reopened from the dashboard's card of the account this tab works in
        page.locator("#close-account-dialog").click();
        page.locator("#open-accessed-account").click();
        openSections("contacts", "managers");
        assertThat(contacts).containsText(NEW_ADDRESS);
        assertThat(contacts).not().containsText("pending confirmation");
        assertThat(benAsManager).containsText("Billing");
        screenshot("74-contact-confirmed");
    }

    /** The contact's id, read from its edit button in the grid row that shows the address. */
    private static String contactIdOf(Locator grid, String email) {
        Locator buttons = grid.locator("vaadin-button[id^='edit-contact-']");
        for (int i = 0; i < buttons.count(); i++) {
            String label = buttons.nth(i).getAttribute("aria-label");
            if (label != null && label.contains("Ben Schulz")) {
                return buttons.nth(i).getAttribute("id").substring("edit-contact-".length());
            }
        }
        throw new AssertionError("No edit button for " + email);
    }

    private String confirmationLinkTo(String recipient) throws jakarta.mail.MessagingException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String body = GreenMailUtil.getBody(message).replace("=\r\n", "");
                Matcher matcher = CONFIRMATION_LINK.matcher(body);
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient) && matcher.find()) {
                    return matcher.group(1);
                }
            }
            smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No confirmation link was mailed to " + recipient);
    }
}
