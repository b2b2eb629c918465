package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.kontor.testing.DemoPeople;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Kontor on a random port with the demo data, and a fresh Chromium page (English, laptop-sized) for each test. A
 * journey signs in through the real form and keeps screenshots under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class EndToEndTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

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
        context = newContext("en-US", 1280, 900);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** A separate browser profile: another person at another computer. */
    BrowserContext newContext(String locale, int width, int height) {
        return browser.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(width, height));
    }

    void signIn(Page target, String email, String password) {
        target.navigate(url("/login"));
        target.locator("vaadin-login-form input[name=username]").fill(email);
        target.locator("vaadin-login-form input[name=password]").fill(password);
        target.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(target.locator("#sign-out")).isVisible();
    }

    void signIn(String email) {
        signIn(page, email, DemoPeople.PASSWORD);
    }

    void screenshot(Page target, String name) {
        target.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    void screenshot(String name) {
        screenshot(page, name);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
