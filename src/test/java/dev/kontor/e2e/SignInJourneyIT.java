package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.kontor.support.DemoPeople;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A person signs in through the real form in Chromium, finds their way around, switches to German, signs out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInJourneyIT {

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
                .setLocale("en-US").setViewportSize(1280, 800));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void a_manager_signs_in_sees_her_account_switches_to_german_and_signs_out() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Accessibility.assertNoSeriousViolations(page, "login page");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("01-login.png")));

        signIn(DemoPeople.ANNA, DemoPeople.PASSWORD);

        assertThat(page.locator("#signed-in-person")).hasText("Anna Becker");
        assertThat(page.locator("#main-navigation vaadin-side-nav-item")).hasCount(1);
        assertThat(page.locator("#main-navigation")).containsText("Dashboard");
        assertThat(page.locator("#account-CN-10001")).containsText("CN-10001");
        assertThat(page.locator("#account-CN-10001")).containsText("Bäckerei Sonnenschein");
        Accessibility.assertNoSeriousViolations(page, "dashboard");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("02-dashboard.png")));

        page.locator("#language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Deutsch")).click();
        assertThat(page.locator("#sign-out")).hasText("Abmelden");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("#main-navigation")).containsText("Übersicht");
        assertThat(page.locator("#account-CN-10001")).containsText("Daten bearbeiten");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("03-dashboard-de.png")));

        page.locator("#sign-out").click();
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void a_wrong_password_shows_the_generic_message_and_a_deep_link_survives_sign_in() {
        page.navigate(url("/no/such/page"));
        assertThat(page).hasURL(url("/login"));

        signIn(DemoPeople.BEN, "not the password");
        assertThat(page.locator("vaadin-login-form")).containsText("Sign-in failed");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("04-login-failed.png")));

        signIn(DemoPeople.BEN, DemoPeople.PASSWORD);
        // Spring Security marks the returning request with "?continue"
        assertThat(page).hasURL(Pattern.compile("/no/such/page(\\?continue)?$"));
        assertThat(page.locator("#not-found")).containsText("Page not found");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Accessibility.assertNoSeriousViolations(page, "not-found page");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("05-not-found.png")));
    }

    @Test
    void on_a_phone_the_menu_folds_away_and_the_dashboard_stays_readable() {
        page.setViewportSize(390, 844);
        page.navigate(url("/login"));
        signIn(DemoPeople.DORA, DemoPeople.PASSWORD);

        assertThat(page.locator("#account-CN-10003")).containsText("Nordlicht Reisen");
        assertThat(page.locator("#main-navigation")).not().isInViewport();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("06-phone-dashboard.png")));

        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("vaadin-app-layout")).hasAttribute("drawer-opened", "");
        assertThat(page.locator("#main-navigation")).isInViewport();
        page.waitForTimeout(500); // let the drawer finish sliding in before the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("07-phone-menu.png")));
        Accessibility.assertNoSeriousViolations(page, "phone layout with open menu");
    }

    private void signIn(String email, String password) {
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
