package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.support.DemoPeople;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Anna, manager of CN-10001, makes Ben the contact person through the pencil, sees it kept after a reload, and is
 * refused when she then tries to take Ben's manager role away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContactPersonJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
        context = browser.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void anna_makes_ben_the_contact_person_and_cannot_then_remove_his_manager_role() {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").fill(DemoPeople.ANNA);
        page.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

        Locator card = page.locator("#account-CN-10001");
        assertThat(card).containsText("Bäckerei Sonnenschein");
        assertThat(card).containsText("Cluster C-1042");
        assertThat(card).containsText("Anna Becker");
        Accessibility.assertNoSeriousViolations(page, "dashboard with account cards");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("10-account-cards.png")));

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit data of Bäckerei Sonnenschein"))
                .click();
        Locator dialog = page.locator("vaadin-dialog-overlay");
        assertThat(page).hasURL(url("/accounts/CN-10001"));
        assertThat(page.locator("#contact-person-name")).containsText("Anna Becker");
        Accessibility.assertNoSeriousViolations(page, "account data dialog");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("11-account-dialog.png")));

        page.locator("#edit-contact-person").click();
        page.locator("#contact-person-choice input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ben Schulz · ben@sonnenschein.test"))
                .click();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("12-contact-person-choice.png")));
        page.locator("#save-contact-person").click();
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");

        page.reload();
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");

        Locator benRow = page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText("Ben Schulz"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove manager role: Ben Schulz"))
                .click();
        page.locator("#confirm-manager-change").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Remove")).click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Choose another contact person first");
        page.waitForTimeout(400); // the notification fades in
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("13-refused.png")));
        assertThat(page.locator("#contact-person-name")).containsText("Ben Schulz");
        assertThat(dialog).isVisible();
        assertThat(benRow).containsText("Active");
        assertThat(benRow).containsText("Contact person");
    }

    @Test
    void in_german_on_a_phone_clara_sees_her_overdue_confirmation_and_confirms_it() {
        context.close();
        context = browser.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("de-DE").setViewportSize(390, 844));
        page = context.newPage();
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").fill(DemoPeople.CLARA);
        page.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

        Locator card = page.locator("#account-CN-10002");
        assertThat(card).containsText("Bitte Kontaktdaten bestätigen");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("14-phone-de-cards.png")));

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Daten von Kanzlei Weber bearbeiten"))
                .click();
        assertThat(page.locator("#contact-confirmation")).containsText("Bestätigung überfällig");
        Accessibility.assertNoSeriousViolations(page, "account dialog on a phone, in German");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("15-phone-de-dialog.png")));

        page.locator("#confirm-contact-data").click();
        assertThat(page.locator("#contact-confirmation")).containsText("Kontaktdaten bestätigt am");
        page.locator("#close-account-dialog").click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("#account-CN-10002")).not().containsText("Bitte Kontaktdaten bestätigen");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
