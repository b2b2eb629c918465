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
 * Anna invites a new manager; the invitation reaches the demo mailbox; the new manager follows the link, chooses a
 * password (a weak one is refused first), signs in and finds the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvitationJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NEWCOMER = "nina@sonnenschein.test";

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
    void a_new_manager_is_invited_accepts_by_the_mailed_link_and_signs_in() {
        signIn(DemoPeople.ANNA, DemoPeople.PASSWORD);
        page.navigate(url("/accounts/CN-10001"));
        page.locator("#add-manager").click();
        page.locator("#new-manager-email input").fill(NEWCOMER);
        page.locator("#new-manager-name input").fill("Nina Neumann");
        Accessibility.assertNoSeriousViolations(page, "add manager dialog");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("20-add-manager.png")));
        page.locator("#submit-new-manager").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Invitation sent to " + NEWCOMER);
        Locator nina = page.locator("#managers .manager-row", new Page.LocatorOptions().setHasText("Nina Neumann"));
        assertThat(nina).containsText("Invited");
        page.locator("#close-account-dialog").click();
        page.locator("#sign-out").click();
        assertThat(page.locator("vaadin-login-form")).isVisible();

        page.navigate(url("/dev/mailbox"));
        page.locator("vaadin-grid#mailbox vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Invitation to manage Bäckerei Sonnenschein")).first()
                .click();
        Locator link = page.locator("#mail-body a").first();
        assertThat(link).hasAttribute("href", java.util.regex.Pattern.compile("/invitation/"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("21-mailbox-invitation.png")));
        page.navigate(link.getAttribute("href").replace("http://localhost:8080", url("")));

        assertThat(page.locator("#invitation-text")).containsText("Bäckerei Sonnenschein (CN-10001)");
        page.locator("#new-password input").fill("password1234");
        page.locator("#repeat-password input").fill("password1234");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#new-password")).hasAttribute("invalid", "");
        Accessibility.assertNoSeriousViolations(page, "invitation page");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("22-invitation-weak-password.png")));

        page.locator("#new-password input").fill("quiet rivers carry old maps");
        page.locator("#repeat-password input").fill("quiet rivers carry old maps");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#invitation-accepted")).containsText("You are now a manager of Bäckerei");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("23-invitation-accepted.png")));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in now")).click();
        signIn(NEWCOMER, "quiet rivers carry old maps");
        assertThat(page.locator("#signed-in-person")).hasText("Nina Neumann");
        assertThat(page.locator("#account-CN-10001")).containsText("Bäckerei Sonnenschein");
    }

    @Test
    void a_forged_invitation_link_gets_a_clear_page() {
        page.navigate(url("/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(page.locator("#invitation-closed")).containsText("This link is not valid");
        Accessibility.assertNoSeriousViolations(page, "closed invitation page");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("24-invitation-forged.png")));
    }

    private void signIn(String email, String password) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(page.locator("#signed-in-person")).isVisible();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
