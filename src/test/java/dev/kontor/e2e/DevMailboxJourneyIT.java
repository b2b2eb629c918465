package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Somebody who is not signed in reads a mail in the demo mailbox and follows its link, in Chromium. */
class DevMailboxJourneyIT extends EndToEndTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

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
        screenshot("10-demo-mailbox");

        body.locator("a").click();
        assertThat(page).hasURL(link);
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void a_browser_on_another_computer_behind_a_proxy_finds_no_demo_mailbox() {
        try (BrowserContext elsewhere = newContext("en-US", 1280, 900)) {
            // as a proxy on this computer would pass on a visitor from the internet
            elsewhere.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0.113.9"));
            Page visitor = elsewhere.newPage();

            visitor.navigate(url("/dev/mailbox"));

            // like any unknown address: the not-found page, which a visitor who is not signed in meets as sign-in
            assertThat(visitor.locator("vaadin-login-form, #not-found").first()).isVisible();
            assertThat(visitor.locator("#dev-mailbox")).hasCount(0);
            assertThat(visitor.locator("vaadin-grid#mailbox")).hasCount(0);
            assertThat(visitor).not().hasTitle("Demo mailbox");
        }
    }

}
