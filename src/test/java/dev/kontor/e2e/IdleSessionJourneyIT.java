package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.kontor.testing.DemoPeople;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A signed-in tab left open is signed out once the session timeout has passed without a real request, although the
 * tab keeps sending heartbeats (here every second, against a timeout of a few seconds instead of 30 minutes).
 */
// a signed-in session times out after a few seconds of inactivity (Tomcat itself counts in minutes, but the timeouts
// Kontor sets per session are in seconds); the sign-in page has a minute, so that a slow machine can fill it in
@TestPropertySource(properties = {"vaadin.heartbeatInterval=1",
        "server.servlet.session.timeout=" + IdleSessionJourneyIT.TIMEOUT_SECONDS + "s",
        "kontor.session.sign-in-page-timeout=60s"})
class IdleSessionJourneyIT extends EndToEndTest {

    static final int TIMEOUT_SECONDS = 5;

    @Test
    void a_signed_in_tab_left_alone_is_signed_out_after_the_timeout_although_its_heartbeats_go_on() {
        signIn(DemoPeople.BEN);

        // three timeouts' worth of heartbeats, and nothing else
        page.waitForTimeout(3_000L * TIMEOUT_SECONDS);

        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void a_person_who_keeps_working_stays_signed_in_past_the_timeout() {
        signIn(DemoPeople.BEN);

        for (int step = 0; step < 4; step++) {
            page.waitForTimeout(TIMEOUT_SECONDS * 1_000L / 2);
            page.reload();
            assertThat(page.locator("#sign-out")).isVisible();
        }
    }
}
