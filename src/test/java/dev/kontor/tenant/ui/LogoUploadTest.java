package dev.kontor.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import tools.jackson.databind.node.ObjectNode;

/**
 * A logo the person chose is either taken or refused, never silently dropped: a refused file keeps its message next
 * to the field, and neither Create tenant nor Save logo goes ahead without it until the person removes the file or
 * picks a good one. The files go through the upload as the browser sends them.
 */
@ViewTest
class LogoUploadTest extends SpringBrowserlessTest {

    private static final byte[] UNSAFE_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
            """.getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_refused_logo_keeps_its_message_and_creates_no_tenant_until_the_file_is_removed() {
        String name = openNewTenant("Unsafe logo");

        upload("tenant-logo", "sonne.svg", "image/svg+xml", UNSAFE_SVG);
        LogoField logo = find(LogoField.class).single();
        assertThat(logo.isInvalid()).isTrue();
        assertThat(logo.getErrorMessage()).isEqualTo("“sonne.svg” was not accepted. The SVG contains scripts, links "
                + "or other active content. Save it as a plain drawing or upload a PNG instead.");
        // "not accepted" is said once
        assertThat(logo.getErrorMessage().split("not accepted", -1)).hasSize(2);

        click("create-tenant");
        assertThat(tenantsNamed(name)).isZero();
        assertThat(find(Paragraph.class).withId("tenant-created").exists()).isFalse();
        assertThat(logo.isInvalid()).as("the refusal still shows").isTrue();
        assertThat(logo.getErrorMessage()).startsWith("“sonne.svg” was not accepted.");

        click("tenant-logo-discard");
        assertThat(logo.isInvalid()).isFalse();
        click("create-tenant");
        assertThat(find(Paragraph.class).withId("tenant-created").single().getText()).contains(name);
        assertThat(logoWidth(name)).isNull();
    }

    /** Issue 13's review: an accepted logo has one remove control, the upload's own, which says what it removes. */
    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void an_accepted_logo_offers_one_remove_control_which_takes_the_logo_away() {
        openNewTenant("One remove");
        upload("tenant-logo", "sonne.png", "image/png", png(200, 60));

        LogoField logo = find(LogoField.class).single();
        assertThat(logo.logo()).isPresent();
        com.vaadin.flow.component.html.Div preview = find(com.vaadin.flow.component.html.Div.class)
                .withId("tenant-logo-preview").single();
        assertThat(preview.getChildren().filter(com.vaadin.flow.component.button.Button.class::isInstance))
                .as("no Remove logo of ours beside the upload's own").isEmpty();
        Upload upload = find(Upload.class).withId("tenant-logo").single();
        assertThat(upload.getI18n().getFile().getRemove()).isEqualTo("Remove logo");

        ObjectNode removed = JacksonUtils.createObjectNode();
        removed.put("event.detail.file.name", "sonne.png");
        fire(upload, "file-remove", removed);
        assertThat(logo.logo()).isEmpty();
        assertThat(preview.getChildren()).isEmpty();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void after_a_refusal_a_good_logo_takes_its_place_and_the_tenant_gets_it() {
        String name = openNewTenant("Second try");

        upload("tenant-logo", "gross.png", "image/png", oversized());
        assertThat(find(LogoField.class).single().getErrorMessage())
                .isEqualTo("“gross.png” was not accepted. The logo may be at most 200 KB.");
        click("create-tenant");
        assertThat(tenantsNamed(name)).isZero();

        upload("tenant-logo", "sonne.png", "image/png", png(200, 60));
        assertThat(find(LogoField.class).single().isInvalid()).isFalse();
        click("create-tenant");
        assertThat(logoWidth(name)).isEqualTo(200);
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_file_the_browser_refuses_keeps_the_tenant_from_being_created_too() {
        String name = openNewTenant("Browser refusal");
        Upload upload = find(Upload.class).withId("tenant-logo").single();

        // the browser refuses a file above the upload's limit before sending it, and says so in the upload's words
        ObjectNode detail = JacksonUtils.createObjectNode();
        detail.put("event.detail.error", upload.getI18n().getError().getFileIsTooBig());
        detail.put("event.detail.file.name", "poster.png");
        fire(upload, "file-reject", detail);

        LogoField logo = find(LogoField.class).single();
        assertThat(logo.getErrorMessage()).isEqualTo("“poster.png” was not accepted. The logo may be at most 200 KB.");
        click("create-tenant");
        assertThat(tenantsNamed(name)).isZero();

        click("tenant-logo-discard");
        click("create-tenant");
        assertThat(tenantsNamed(name)).isOne();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void create_tenant_waits_for_a_logo_that_is_still_uploading() {
        String name = openNewTenant("Slow upload");
        Upload upload = find(Upload.class).withId("tenant-logo").single();

        fire(upload, "upload-start", JacksonUtils.createObjectNode());
        click("create-tenant");

        assertThat(tenantsNamed(name)).isZero();
        assertThat(find(LogoField.class).single().getErrorMessage())
                .isEqualTo("The logo is still being uploaded. Wait until it is done, then try again.");

        upload("tenant-logo", "sonne.png", "image/png", png(120, 40));
        ObjectNode done = JacksonUtils.createObjectNode();
        done.put("element.files.some(file => file.uploading)", false);
        fire(upload, "upload-success", done);
        assertThat(find(LogoField.class).single().isInvalid()).isFalse();
        click("create-tenant");
        assertThat(logoWidth(name)).isEqualTo(120);
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void in_german_a_logo_with_too_many_pixels_is_refused_in_german() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        String name = openNewTenant("Zu breit");

        upload("tenant-logo", "banner.png", "image/png", png(401, 40));
        click("create-tenant");

        assertThat(tenantsNamed(name)).isZero();
        assertThat(find(LogoField.class).single().getErrorMessage()).isEqualTo("„banner.png“ wurde nicht "
                + "angenommen. Das Logo ist 401 × 40 Pixel groß, darf aber höchstens 400 × 120 Pixel groß sein. "
                + "Verkleinern Sie es und laden Sie es erneut hoch.");
        assertThat(find(Button.class).withId("tenant-logo-discard").single().getText()).isEqualTo("Datei entfernen");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_refused_new_logo_leaves_the_tenants_logo_as_it_was_until_a_good_one_is_saved() {
        String name = openNewTenant("Workspace logo");
        upload("tenant-logo", "alt.png", "image/png", png(120, 40));
        click("create-tenant");
        long tenant = jdbc.queryForObject("select id from organization where name = ?", Long.class, name);
        navigate("tenant/" + tenant, TenantWorkspaceView.class);

        upload("change-logo", "programm.png", "image/png",
                "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1));
        LogoField field = find(LogoField.class).single();
        assertThat(field.getErrorMessage()).isEqualTo("“programm.png” was not accepted. This file is not an image "
                + "Kontor can use. Upload a PNG, JPEG or SVG image.");
        assertThat(find(Button.class).withId("save-logo").single().isEnabled()).isFalse();
        assertThat(logoWidth(name)).isEqualTo(120);

        upload("change-logo", "neu.png", "image/png", png(150, 50));
        assertThat(field.isInvalid()).isFalse();
        click("save-logo");
        assertThat(logoWidth(name)).isEqualTo(150);
    }

    private String openNewTenant(String prefix) {
        String name = prefix + " " + UUID.randomUUID();
        navigate(TenantsView.class);
        click("new-tenant");
        test(find(TextField.class).withId("tenant-name").single()).setValue(name);
        return name;
    }

    private void upload(String id, String fileName, String type, byte[] content) {
        test(find(Upload.class).withId(id).single()).upload(fileName, type, content);
    }

    /** A DOM event of the upload, as the browser sends it. */
    private static void fire(Upload upload, String type, ObjectNode data) {
        upload.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(upload.getElement(), type, data));
    }

    private void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }

    private int tenantsNamed(String name) {
        return jdbc.queryForObject("select count(*) from organization where name = ?", Integer.class, name);
    }

    private Integer logoWidth(String name) {
        return jdbc.query("""
                select l.width from tenant_logo l join organization o on o.id = l.organization_id where o.name = ?""",
                rs -> rs.next() ? rs.getInt(1) : null, name);
    }

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG's start followed by zeros: 210 KB, within the upload's limit but above the logo's. */
    private static byte[] oversized() {
        byte[] start = png(10, 10);
        byte[] big = new byte[210 * 1024];
        System.arraycopy(start, 0, big, 0, start.length);
        return big;
    }
}
