package dev.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.kontor.testing.DemoPeople;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The journey: the partner administrator of Muster Hosting creates a STANDARD tenant below CN-10001 with a
 * logo, sees it in the tree, logs in to it (a second tab shows the tenant, the first keeps its place), adds an
 * administrator, and the activation mail arrives through SMTP (GreenMail).
 */
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
        "kontor.mail.poll-interval=200ms"})
class TenantJourneyIT extends EndToEndTest {

    private static final Pattern ACTIVATION_LINK = Pattern.compile("https?://[^/\\s]+/invitation/[A-Za-z0-9_-]+");
    private static final String TENANT = "Sonnenschein Filiale West";
    private static final String ADMINISTRATOR = "wanda@sonnenschein.test";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void a_partner_administrator_creates_a_tenant_logs_in_to_it_and_adds_its_administrator() throws Exception {
        signIn(DemoPeople.PARTNER_ADMIN);
        page.navigate(url("/tenants"));
        Locator tree = page.locator("vaadin-grid#tenant-tree");
        assertThat(tree).containsText("Muster Hosting GmbH");
        Accessibility.assertNoSeriousViolations(page, "tenants");
        screenshot("60-tenants");

        page.locator("#new-tenant").click();
        page.locator("#tenant-name input").fill(TENANT);
        page.locator("#tenant-master input").fill("Bäckerei");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("CN-10001")).click();
        page.locator("#tenant-logo input[type=file]").setInputFiles(
                new FilePayload("sonne.png", "image/png", logo()));
        assertThat(page.locator("#tenant-logo-preview img")).isVisible();
        Accessibility.assertNoSeriousViolations(page, "new tenant form");
        screenshot("61-new-tenant");
        page.locator("#create-tenant").click();
        assertThat(page.locator("#tenant-created")).containsText(TENANT);
        screenshot("62-tenant-created");

        Page tenantTab = page.waitForPopup(() -> page.locator("#log-in-created").click());
        assertThat(tenantTab.locator("#tenant-title")).hasText(TENANT);
        assertThat(tenantTab.locator("#tenant-banner img")).isVisible();
        // opened on its own, the logo is a sandboxed document that may load nothing
        String logoAddress = (String) tenantTab.locator("#tenant-banner img").evaluate("image => image.src");
        com.microsoft.playwright.APIResponse logoResponse = tenantTab.context().request().get(logoAddress);
        org.assertj.core.api.Assertions.assertThat(logoResponse.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(logoResponse.headers())
                .containsEntry("content-security-policy", "sandbox; default-src 'none'")
                .containsEntry("x-content-type-options", "nosniff");
        assertThat(tenantTab.locator("#tenant-banner")).containsText("Working as partner administrator · Muster Hosting");
        assertThat(tenantTab.locator("#handover-readiness")).containsText("Not ready for handover");
        Accessibility.assertNoSeriousViolations(tenantTab, "tenant workspace");
        screenshot(tenantTab, "63-tenant-workspace");
        // the first tab keeps its own context
        assertThat(page.locator("#tenant-created")).isVisible();
        assertThat(page.locator("#tenant-banner")).hasCount(0);

        page.locator("#add-administrator-created").click();
        page.locator("#administrator-email input").fill(ADMINISTRATOR);
        page.locator("#administrator-name input").fill("Wanda West");
        Accessibility.assertNoSeriousViolations(page, "add administrator");
        screenshot("64-add-administrator");
        page.locator("#send-activation").click();
        assertThat(page.locator("vaadin-notification-card")).containsText(ADMINISTRATOR);
        org.assertj.core.api.Assertions.assertThat(activationMailTo(ADMINISTRATOR)).containsPattern(ACTIVATION_LINK).contains(TENANT);

        page.locator("#close-created").click();
        assertThat(page.locator("#new-tenant-dialog")).hasCount(0);
        page.locator("#tenant-search input").fill("Filiale West");
        Locator newRow = tree.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(TENANT));
        assertThat(newRow).hasCount(1);
        assertThat(tree).containsText("Bäckerei Sonnenschein");
        newRow.click();
        assertThat(page.locator("#tenant-actions #log-in-tenant")).isVisible();
        assertThat(page.locator("#tenant-actions #add-administrator")).isVisible();
        screenshot("65-tenant-in-tree");
    }

    @Test
    void a_refused_logo_stays_next_to_the_field_and_no_tenant_is_created_until_the_file_is_removed() {
        signIn(DemoPeople.PARTNER_ADMIN);
        page.navigate(url("/tenants"));
        page.locator("#new-tenant").click();
        page.locator("#tenant-name input").fill("Vorlage Abgelehnt");

        page.locator("#tenant-logo input[type=file]").setInputFiles(new FilePayload("sonne.png", "image/png",
                "MZ this is a program, not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Locator refusal = page.locator("#tenant-logo-error");
        assertThat(refusal).isVisible();
        assertThat(refusal).hasText("“sonne.png” was not accepted. This file is not an image Kontor can use. "
                + "Upload a PNG, JPEG or SVG image.");
        assertThat(refusal).hasAttribute("role", "alert");
        Accessibility.assertNoSeriousViolations(page, "refused logo");
        screenshot("66-refused-logo");

        page.locator("#create-tenant").click();
        assertThat(page.locator("#tenant-logo-discard")).isFocused();
        assertThat(refusal).isVisible();
        assertThat(page.locator("#tenant-created")).hasCount(0);

        page.locator("#tenant-logo-discard").click();
        assertThat(refusal).not().isVisible();
        page.locator("#create-tenant").click();
        assertThat(page.locator("#tenant-created")).containsText("Vorlage Abgelehnt");
    }

    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(160, 48, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xF5, 0xB7, 0x00));
        graphics.fillOval(4, 4, 40, 40);
        graphics.setColor(new Color(0x5C, 0x37, 0x00));
        graphics.drawString("Sonnenschein", 52, 30);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private String activationMailTo(String recipient) throws jakarta.mail.MessagingException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)) {
                    return GreenMailUtil.getBody(message).replace("=\r\n", "");
                }
            }
            smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No activation mail was sent to " + recipient);
    }
}
