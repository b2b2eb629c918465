package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.SignInCodes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Kontor on a random port with the demo data, and a fresh Chromium page (English, laptop-sized) for each test. A
 * journey signs in through the real form and keeps screenshots under {@code target/screenshots}. Any page that the
 * Content-Security-Policy stopped from doing something fails the journey: the policy must fit what Kontor does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ServerThreadsOnTimeout.class)
abstract class EndToEndTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String REMEMBERED_COOKIE = "kontor-second-factor";
    private static final Map<String, Cookie> REMEMBERED_BROWSERS = new ConcurrentHashMap<>();
    private static final Map<String, String> SET_UP_SECRETS = new ConcurrentHashMap<>();

    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

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
        Assertions.assertThat(policyViolations).as("Content-Security-Policy violations in the console").isEmpty();
    }

    /** A separate browser profile: another person at another computer. */
    BrowserContext newContext(String locale, int width, int height) {
        BrowserContext created = browser.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(width, height));
        // Chromium reports each thing the policy stopped as a console message ("Refused to …")
        created.onConsoleMessage(message -> {
            String text = message.text();
            if (text.contains("Content Security Policy") || text.contains("Refused to")) {
                policyViolations.add(message.location() + ": " + text);
            }
        });
        return created;
    }

    /** What the Content-Security-Policy stopped so far; a test that provokes a violation on purpose clears it. */
    List<String> policyViolations() {
        return policyViolations;
    }

    /**
     * Signs in through the real form; a demo person with an authenticator gives a fresh code from the published
     * secret ({@link SignInCodes}) and has the browser remembered, and later sign-ins of that person on this server
     * carry the remembered browser's cookie into their new browser profile: a code is accepted once per time step,
     * and waiting for the next step in every journey would make the suite crawl. A person led to set up an
     * authenticator at sign-in sets it up from the secret on the page.
     */
    void signIn(Page target, String email, String password) {
        String rememberedAs = port + " " + email;
        Cookie remembered = REMEMBERED_BROWSERS.get(rememberedAs);
        if (remembered != null) {
            target.context().addCookies(List.of(remembered));
        }
        target.navigate(url("/login"));
        target.locator("vaadin-login-form input[name=username]").fill(email);
        target.locator("vaadin-login-form input[name=password]").fill(password);
        target.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        target.locator("#sign-out, #second-step-code, #set-up-step-view").first().waitFor();
        if (target.locator("#set-up-step-view").count() > 0) {
            // a person who must have a second factor and has none (new provider staff): set up as a person would,
            // from the secret on the page, which later sign-ins of this person compute their codes from
            String secret = target.locator("#second-factor-secret").innerText().replace(" ", "");
            SET_UP_SECRETS.put(rememberedAs, secret);
            target.locator("#second-factor-code input").fill(SignInCodes.fresh(secret));
            target.locator("#second-factor-finish").click();
            target.locator("#recovery-codes-done").click();
        } else if (target.locator("#second-step-code").count() > 0) {
            String code = Optional.ofNullable(SET_UP_SECRETS.get(rememberedAs)).map(SignInCodes::fresh)
                    .or(() -> SignInCodes.forDemoPerson(email))
                    .orElseThrow(() -> new AssertionError(email + " has no authenticator secret known to the test"));
            target.locator("#second-step-code input").fill(code);
            target.locator("#second-step-remember input").check();
            target.locator("#second-step-submit").click();
            assertThat(target.locator("#sign-out")).isVisible();
            target.context().cookies().stream().filter(cookie -> REMEMBERED_COOKIE.equals(cookie.name))
                    .findFirst().ifPresent(cookie -> REMEMBERED_BROWSERS.put(rememberedAs, cookie));
        }
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

    /**
     * Opens sections of the open account data dialog (contact-person, managers, contacts, partners) by
     * their headings, as a person does: the dialog builds them only when opened; an open one is left as it is.
     */
    void openSections(Page target, String... sections) {
        // the dialog first: its account data are always there, and the headings are drawn with them
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(target.locator("#master-data"))
                .isVisible();
        for (String section : sections) {
            com.microsoft.playwright.Locator open = target.locator("#open-" + section);
            if (open.count() > 0) {
                open.click();
                com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(open).hasCount(0);
            }
        }
    }

    void openSections(String... sections) {
        openSections(page, sections);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
