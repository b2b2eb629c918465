package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import dev.kontor.testing.DemoPeople;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The provider's operator sends a technical notice to CN-10001, which reaches its technical contact by SMTP; the
 * partner's legal representative looks at the partner profile with its users and contacts.
 */
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
        "kontor.mail.poll-interval=200ms", "kontor.notice.initial-delay=1s", "kontor.notice.poll-interval=500ms"})
class NoticeAndProfileJourneyIT extends EndToEndTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void the_operator_sends_a_technical_notice_that_reaches_the_technical_contact() throws Exception {
        signIn("operator@kontor.test");
        page.navigate(url("/admin/notices"));
        page.locator("#notice-kind vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Technical"))
                .locator("input").check();
        page.locator("#notice-audience vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Chosen organizations")).locator("input").check();
        page.locator("#notice-customers textarea").fill("CN-10001");
        page.locator("#notice-subject input").fill("Maintenance of cluster C-1042");
        page.locator("#notice-body textarea").fill("Sunday 02:00 to 04:00 the cluster restarts once.");
        Accessibility.assertNoSeriousViolations(page, "platform notices");
        screenshot("90-platform-notice");
        page.locator("#send-notice").click();
        assertThat(page.locator("vaadin-grid#notices")).containsText("Maintenance of cluster C-1042");

        String body = mailTo("it@sonnenschein.test");
        org.assertj.core.api.Assertions.assertThat(body).contains("Sunday 02:00 to 04:00");
        screenshot("91-notice-sent");
    }

    @Test
    void the_legal_representative_sees_the_partner_profile() {
        signIn(DemoPeople.LEGAL);
        page.navigate(url("/partner/profile"));
        assertThat(page.locator("#partner-users")).containsText("Lea Lehmann");
        assertThat(page.locator("vaadin-grid#contacts")).containsText("noc@muster-hosting.test");
        assertThat(page.locator("#export-tree-contacts")).isVisible();
        Accessibility.assertNoSeriousViolations(page, "partner profile");
        screenshot("92-partner-profile");
    }

    private String mailTo(String recipient) throws jakarta.mail.MessagingException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)) {
                    return GreenMailUtil.getBody(message).replace("=\r\n", "");
                }
            }
            smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No notice was mailed to " + recipient);
    }
}
