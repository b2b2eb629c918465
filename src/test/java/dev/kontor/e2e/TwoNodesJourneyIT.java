package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.kontor.testing.DemoPeople;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two nodes behind nginx, started by {@code scripts/two-nodes.sh} (which sets the environment this needs; without it
 * the journey is skipped): Anna saves her account's out-of-hours number, the node that serves her browser is killed,
 * and her page says she was signed out, that the server changed and that everything saved is kept. She signs in
 * again, lands on the other node and on the page she was on, and finds what she saved.
 */
@EnabledIfEnvironmentVariable(named = "KONTOR_TWO_NODES_URL", matches = ".+")
class TwoNodesJourneyIT {

    private static final String SESSION_COOKIE = "JSESSIONID";

    private final String base = System.getenv("KONTOR_TWO_NODES_URL");
    private final Path work = Path.of(System.getenv().getOrDefault("KONTOR_TWO_NODES_DIR", "target"));
    private final Map<String, Long> nodes = Arrays.stream(System.getenv().getOrDefault("KONTOR_TWO_NODES_PIDS", "")
                    .trim().split("\\s+"))
            .map(entry -> entry.split("=")).filter(pair -> pair.length == 2)
            .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));

    @Test
    void a_person_whose_node_goes_down_is_told_why_signs_in_on_the_other_and_finds_everything_saved()
            throws Exception {
        Assertions.assertThat(nodes).as("KONTOR_TWO_NODES_PIDS").containsOnlyKeys("node1", "node2");
        try (Browser browser = new Browser();
             BrowserContext context = browser.chromium().newContext(new com.microsoft.playwright.Browser
                     .NewContextOptions().setLocale("en-US").setViewportSize(1280, 900))) {
            Page page = context.newPage();
            signIn(page);
            String first = nodeOf(context);
            Assertions.assertThat(nodes).containsKey(first);

            // Anna saves the out-of-hours number, which is then in the database whichever node stays
            String number = "+49 5251 17" + String.format("%04d", System.nanoTime() % 10_000);
            page.navigate(base + "/accounts/CN-10001");
            page.locator("#emergency-phone input").fill(number);
            page.locator("#save-master-data").click();
            assertThat(page.locator("vaadin-notification-card")).containsText("Account data saved.");
            Assertions.assertThat(nodeOf(context)).as("sticky: the same node all along").isEqualTo(first);
            Files.writeString(work.resolve("saved-emergency-phone"), number);
            screenshot(page, "two-nodes-1-saved");

            // the node that holds her page goes down, as in a crash
            ProcessHandle node = ProcessHandle.of(nodes.get(first)).orElseThrow();
            node.destroyForcibly();
            node.onExit().get(60, TimeUnit.SECONDS);
            Files.writeString(work.resolve("stopped-node"), first);

            // her next click reaches the other node, which has no session of hers: the page says what happened
            page.locator("#cancel-master-data").click();
            assertThat(page.locator(".v-system-error")).containsText("You have been signed out",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                            .setTimeout(Duration.ofSeconds(60).toMillis()));
            assertThat(page.locator(".v-system-error")).containsText("Everything you saved is kept");
            screenshot(page, "two-nodes-2-signed-out");

            // a click leads to sign-in, which says why, and back to her page afterwards
            page.locator(".v-system-error").click();
            assertThat(page.locator("#server-changed")).containsText("the server you were working on is no longer"
                    + " available");
            assertThat(page.locator("#server-changed")).containsText("Everything you saved is kept.");
            screenshot(page, "two-nodes-3-sign-in-again");
            page.locator("vaadin-login-form input[name=username]").fill(DemoPeople.ANNA);
            page.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

            // Spring Security marks the page it brings her back to with "?continue"
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/accounts/CN-10001(\\?continue)?$"));
            assertThat(page.locator("#emergency-phone input")).hasValue(number);
            Assertions.assertThat(nodeOf(context)).as("the node that stayed").isNotEqualTo(first);
            screenshot(page, "two-nodes-4-saved-data-kept");
        }
    }

    private void signIn(Page page) {
        page.navigate(base + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(DemoPeople.ANNA);
        page.locator("vaadin-login-form input[name=password]").fill(DemoPeople.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(page.locator("#sign-out")).isVisible();
    }

    /** The node that holds the browser's session: Kontor names it at the end of the session id. */
    private static String nodeOf(BrowserContext context) {
        String id = context.cookies().stream().filter(c -> c.name.equals(SESSION_COOKIE)).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
        return id.substring(id.lastIndexOf('.') + 1);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(EndToEndTest.SCREENSHOTS.resolve(name + ".png")));
    }
}
