package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Somebody who is not signed in reads a mail in the demo mailbox and follows its link, in Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DevMailboxJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

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
        context = browser.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1280, 800));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void an_invited_person_reads_the_mail_in_the_demo_mailbox_and_follows_its_link() {
        String subject = "Anna Becker invites you to Bäckerei Sonnenschein "
                + UUID.randomUUID().toString().substring(0, 8);
        String link = url("/login");
        transaction.executeWithoutResult(status -> outbox.enqueue(new MailMessage("journey:" + UUID.randomUUID(),
                "new.person@sonnenschein.test", subject, "Hello,\n\nAnna Becker invites you to Kontor.\n\n"
                + "Sign in here: " + link + ".\n\n<b>Not</b> expecting this? Ignore this mail.\n\nKontor")));

        page.navigate(url("/dev/mailbox"));

        assertThat(page.locator("h1")).hasText("Demo mailbox");
        assertThat(page).hasTitle("Demo mailbox");
        Locator grid = page.locator("vaadin-grid#mailbox");
        assertThat(grid).containsText(subject);
        grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(subject)).click();

        Locator body = page.locator("#mail-body");
        assertThat(body).containsText("<b>Not</b> expecting this?");
        assertThat(body.locator("b")).hasCount(0);
        assertThat(body.locator("a")).hasAttribute("href", link);
        Accessibility.assertNoSeriousViolations(page, "demo mailbox");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("10-demo-mailbox.png")));

        body.locator("a").click();
        assertThat(page).hasURL(link);
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
