package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kontor.support.DemoPeople;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The legal representative of Muster Hosting adds a customer; the request reaches the new manager through SMTP
 * (GreenMail); they open the link in a browser of their own, grant only VIEW and MANAGE_CONTACTS, and the partner
 * then sees the customer with exactly those rights and the review notice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=localhost", "spring.mail.port=3025", "kontor.mail.poll-interval=200ms"})
@ActiveProfiles("test")
class PartnerJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern REQUEST_LINK = Pattern.compile("https?://\\S+(/partner-request/[A-Za-z0-9_-]+)");
    private static final String NEW_MANAGER = "greta@gruenwald.test";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static Browser browser;

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void a_legal_representative_adds_a_customer_who_grants_fewer_rights_which_the_partner_then_reviews() {
        signIn(page, DemoPeople.LEGAL);
        page.navigate(url("/partner/customers"));
        Locator grid = page.locator("vaadin-grid#managed-customers");
        assertThat(grid).containsText("Bäckerei Sonnenschein");
        Accessibility.assertNoSeriousViolations(page, "managed customers");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("30-managed-customers.png")));

        page.locator("#add-customer").click();
        page.locator("#new-customer-name input").fill("Gärtnerei Grünwald");
        page.locator("#new-customer-manager-email input").fill(NEW_MANAGER);
        page.locator("#new-customer-manager-name input").fill("Greta Grünwald");
        page.locator("#new-customer-rights vaadin-checkbox").filter(new Locator.FilterOptions()
                .setHasText("Manage users")).click();
        page.locator("#new-customer-rights vaadin-checkbox").filter(new Locator.FilterOptions()
                .setHasText("Manage contacts")).click();
        page.locator("#new-customer-rights vaadin-checkbox").filter(new Locator.FilterOptions()
                .setHasText("Manage tenants")).click();
        Accessibility.assertNoSeriousViolations(page, "add customer dialog");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("31-add-customer.png")));
        page.locator("#submit-new-customer").click();
        assertThat(page.locator("vaadin-notification-card")).containsText(NEW_MANAGER);

        String link = requestLinkMailedTo(NEW_MANAGER);

        try (BrowserContext manager = newContext()) {
            Page managerPage = manager.newPage();
            managerPage.navigate(url(link));
            AnswerPage answer = new AnswerPage(managerPage);
            answer.expectRequestFrom("Muster Hosting GmbH", "Gärtnerei Grünwald");
            answer.untick("Manage users");
            answer.untick("Manage tenants");
            answer.setPassword("green houses need patient hands");
            managerPage.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("32-answer-request.png")));
            Accessibility.assertNoSeriousViolations(managerPage, "request answer page");
            answer.accept();
        }

        page.reload();
        Locator row = page.locator("vaadin-grid#managed-customers vaadin-grid-cell-content");
        assertThat(grid).containsText("Gärtnerei Grünwald");
        assertThat(grid).containsText("See the account, Manage contacts");
        assertThat(grid).containsText("Review granted rights");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("33-review-notice.png")));
        assertThat(row.filter(new Locator.FilterOptions().setHasText("See the account, Manage contacts, Manage users")))
                .hasCount(0);
    }

    private String requestLinkMailedTo(String recipient) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessagesForDomain(recipient)) {
                Matcher matcher = REQUEST_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            smtp.waitForIncomingEmail(1000, 1);
        }
        throw new AssertionError("No request link was mailed to " + recipient);
    }

    private BrowserContext newContext() {
        return browser.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1400, 900));
    }

    private void signIn(Page target, String email) {
        target.navigate(url("/login"));
        target.locator("vaadin-login-form input[name=username]").fill(email);
        target.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
        target.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(target.locator("#signed-in-person")).isVisible();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The customer's page for answering a request; kept here so that the journey reads as the person acts. */
    private record AnswerPage(Page page) {

        void expectRequestFrom(String partner, String customer) {
            assertThat(page.locator("body")).containsText(partner);
            assertThat(page.locator("body")).containsText(customer);
        }

        void untick(String right) {
            page.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText(right)).first().click();
        }

        void setPassword(String password) {
            page.locator("vaadin-password-field input").nth(0).fill(password);
            page.locator("vaadin-password-field input").nth(1).fill(password);
        }

        void accept() {
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Accept")).first().click();
            assertThat(page.locator("body")).containsText("Muster Hosting GmbH");
        }
    }
}
