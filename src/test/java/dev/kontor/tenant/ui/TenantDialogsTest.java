package dev.kontor.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import dev.kontor.base.ui.RefusalView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import dev.kontor.tenant.TenantType;
import dev.kontor.tenant.TreeNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The New tenant form, Add administrator, Move, Copy content and a tenant's workspace, without a browser. */
@ViewTest
class TenantDialogsTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    Fixtures fixtures;
    @Autowired
    dev.kontor.tenant.TenantTree tree;
    @Autowired
    dev.kontor.tenant.TenantService tenants;

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void the_form_refuses_an_empty_name_and_each_kind_of_bad_logo_next_to_the_field() throws IOException {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();
        String name = "Empty " + UUID.randomUUID();

        test(button("create-tenant")).click();
        assertThat(textField("tenant-name").isInvalid()).isTrue();

        LogoField logo = find(LogoField.class).single();
        assertRefused(logo, png(401, 40), "401 × 40 pixels");
        assertRefused(logo, png(100, 121), "100 × 121 pixels");
        assertRefused(logo, noise(210 * 1024), "at most 200 KB");
        assertRefused(logo, "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1),
                "Upload a PNG, JPEG or SVG image");
        assertRefused(logo, """
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
                """.getBytes(StandardCharsets.UTF_8), "scripts, links or other active content");

        // a refused logo is not dropped silently: no tenant until the file is removed (see LogoUploadTest)
        test(textField("tenant-name")).setValue(name);
        test(button("create-tenant")).click();
        assertThat(find(Paragraph.class).withId("tenant-created").exists()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from organization where name = ?", Integer.class, name))
                .isZero();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_standard_tenant_is_utf8_and_a_custom_one_chooses_its_character_set() throws IOException {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();
        @SuppressWarnings("unchecked")
        Select<String> characterSet = find(Select.class).withId("tenant-charset").single();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<TenantType> type = find(RadioButtonGroup.class).withId("tenant-type").single();
        assertThat(characterSet.getValue()).isEqualTo("UTF-8");
        assertThat(characterSet.isReadOnly()).isTrue();
        // the choices read as words, not as the program's names for them
        assertThat(type.getItemLabelGenerator().apply(TenantType.STANDARD)).startsWith("Standard: ");
        assertThat(type.getItemLabelGenerator().apply(TenantType.CUSTOM)).startsWith("Custom: ");
        assertThat(find(Select.class).withId("tenant-edition").single().getHelperText()).startsWith("Basic suits");

        type.setValue(TenantType.CUSTOM);
        assertThat(characterSet.isReadOnly()).isFalse();
        characterSet.setValue("ISO-8859-15");
        String name = "Custom " + UUID.randomUUID();
        test(textField("tenant-name")).setValue(name);
        upload("tenant-logo", png(200, 60));
        test(button("create-tenant")).click();

        assertThat(jdbc.queryForMap("""
                select t.tenant_type, t.character_set, t.needs_configuration from tenant t
                join organization o on o.id = t.organization_id where o.name = ?""", name))
                .containsEntry("TENANT_TYPE", "CUSTOM").containsEntry("CHARACTER_SET", "ISO-8859-15")
                .containsEntry("NEEDS_CONFIGURATION", true);
        assertThat(jdbc.queryForObject("""
                select l.width from tenant_logo l join organization o on o.id = l.organization_id where o.name = ?""",
                Integer.class, name)).isEqualTo(200);
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_name_taken_below_the_same_master_is_refused_next_to_the_name() {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();
        @SuppressWarnings("unchecked")
        ComboBox<TreeNode> master = find(ComboBox.class).withId("tenant-master").single();
        assertThat(master.getValue().name()).isEqualTo("Muster Hosting GmbH");

        test(textField("tenant-name")).setValue("muster vorlagen");
        test(button("create-tenant")).click();

        assertThat(textField("tenant-name").isInvalid()).isTrue();
        assertThat(textField("tenant-name").getErrorMessage()).contains("already is a tenant named");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void adding_an_administrator_sends_an_activation_link_and_refuses_a_malformed_address() {
        long tenant = createTenantBelowPartner("Admin test " + UUID.randomUUID());
        navigate("tenant/" + tenant, TenantWorkspaceView.class);
        // the partner's own tenant is handed to nobody: it is never "not ready for handover"
        assertThat(find(Paragraph.class).withId("handover-readiness").single().getText())
                .isEqualTo("This tenant has no active administrator yet.");

        test(button("add-administrator")).click();
        EmailField email = find(EmailField.class).withId("administrator-email").single();
        test(email).setValue("not an address");
        test(textField("administrator-name")).setValue("Ada Admin");
        test(button("send-activation")).click();
        assertThat(email.isInvalid()).isTrue();

        String address = "ada-" + UUID.randomUUID() + "@example.test";
        test(email).setValue(address);
        test(button("send-activation")).click();

        assertThat(outbox.to(address)).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains("/invitation/").contains("choose your own password"));
        assertThat(find(Span.class).withText(address).exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void add_administrator_says_the_same_words_for_a_known_and_an_unknown_address() {
        long tenant = createTenantBelowPartner("Same words " + UUID.randomUUID());
        navigate("tenant/" + tenant, TenantWorkspaceView.class);
        String known = fixtures.person("Kai");
        String unknown = "unknown-" + UUID.randomUUID() + "@example.test";

        String forKnown = addAdministrator(known, "Kai Typed");
        String forUnknown = addAdministrator(unknown, "Una Typed");

        assertThat(forKnown.replace(known, "ADDRESS")).isEqualTo(forUnknown.replace(unknown, "ADDRESS"))
                .startsWith("An activation link has been sent to ADDRESS.");
        assertThat(find(Span.class).withText("Kai Typed").exists()).isTrue();
        assertThat(find(Span.class).withText("Kai").exists()).isFalse();
    }

    private String addAdministrator(String address, String name) {
        test(button("add-administrator")).click();
        test(find(EmailField.class).withId("administrator-email").single()).setValue(address);
        test(textField("administrator-name")).setValue(name);
        test(button("send-activation")).click();
        return test(find(com.vaadin.flow.component.notification.Notification.class).last()).getText();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void moving_a_tenant_below_its_own_sub_tenant_is_refused_next_to_the_choice() {
        navigate(TenantsView.class);
        test(find(TextField.class).withId("tenant-search").single()).setValue("Muster Vorlagen");
        var treeGrid = find(com.vaadin.flow.component.treegrid.TreeGrid.class).withId("tenant-tree").single();
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<TreeNode>) treeGrid;
        int row = 0;
        while (!test(grid).getRow(row).name().equals("Muster Vorlagen")) {
            row++;
        }
        test(grid).select(row);
        test(button("move-tenant")).click();
        @SuppressWarnings("unchecked")
        ComboBox<TreeNode> target = find(ComboBox.class).withId("move-target").single();
        // the choice offers only the partner's own tree, without the tenant and what lies below it
        long templates = test(grid).getRow(row).id();
        assertThat(tree.moveTargets(templates, "", 0, 50)).extracting(TreeNode::name)
                .contains("Muster Hosting GmbH").doesNotContain("Muster Vorlagen", "Vorlage Handel",
                        "Bäckerei Sonnenschein", "Sonnenschein Filiale Nord");
        long child = jdbc.queryForObject("select id from organization where name = 'Vorlage Handel'", Long.class);
        target.setValue(new TreeNode(child, dev.kontor.organization.OrganizationKind.TENANT, "Vorlage Handel", null,
                null, null, 0, 0, java.time.Instant.now(), false, false, 0, false));
        test(button("submit-move")).click();

        assertThat(target.isInvalid()).isTrue();
        assertThat(target.getErrorMessage()).contains("cannot be moved below itself");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void copy_content_starts_in_the_background_and_reports_progress() {
        navigate(TenantsView.class);
        test(find(TextField.class).withId("tenant-search").single()).setValue("Vorlage Handel");
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<TreeNode>) find(
                com.vaadin.flow.component.treegrid.TreeGrid.class).withId("tenant-tree").single();
        int row = 0;
        while (!test(grid).getRow(row).name().equals("Vorlage Handel")) {
            row++;
        }
        test(grid).select(row);
        test(button("copy-content")).click();
        assertThat(find(Checkbox.class).withId("copy-with-descendants").single().isEnabled()).isFalse();
        assertThat(find(Checkbox.class).withId("copy-with-descendants").single().getHelperText())
                .isEqualTo("No tenants below this one.");

        test(button("start-copy")).click();

        // queued until the worker takes it: it says so rather than "0 of 1 tenant done"
        assertThat(find(Span.class).withId("copy-status").single().getText()).containsAnyOf(
                "Waiting to start: 1 tenant to copy into", "of 1 tenant done", "Done: 1 tenant;");
        assertThat(button("start-copy").isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void settings_saved_meanwhile_are_shown_next_to_the_kept_input_and_the_second_save_stores_it() {
        long tenant = createTenantBelowPartner("Meanwhile " + UUID.randomUUID());
        navigate("tenant/" + tenant, TenantWorkspaceView.class);
        test(textField("tenant-sender")).setValue("Filiale West");
        // a colleague saves another sender name and a language meanwhile
        dev.kontor.tenant.TenantDetails now = tenants.details(tenant);
        tenants.changeSettings(tenant, new dev.kontor.tenant.TenantSettings("de", null, "Filiale Ost"),
                now.profileVersion());

        test(button("save-tenant-settings")).click();

        assertThat(find(com.vaadin.flow.component.html.Div.class).withClassName("changed-meanwhile").single()
                .getElement().getTextRecursively()).startsWith("Someone else saved a change to this data in the meantime.");
        assertThat(textField("tenant-sender").getValue()).isEqualTo("Filiale West");
        test(find(Button.class).withClassName("show-current-values").single()).click();
        assertThat(textField("tenant-sender").getValue()).isEqualTo("Filiale West");
        assertThat(textField("tenant-sender").getHelperText())
                .isEqualTo("Saved meanwhile: Filiale Ost · The name shown as sender of the tenant's e-mails.");
        @SuppressWarnings("unchecked")
        Select<String> language = find(Select.class).withId("tenant-language").single();
        assertThat(language.getValue()).isEqualTo("de");
        assertThat(language.getHelperText()).isEqualTo("Saved meanwhile: German");

        test(button("save-tenant-settings")).click();

        assertThat(jdbc.queryForMap("select default_language, sender_name from tenant where organization_id = ?",
                tenant)).containsEntry("DEFAULT_LANGUAGE", "de").containsEntry("SENDER_NAME", "Filiale West");
        // Cancel takes the settings as saved now
        test(textField("tenant-sender")).setValue("Filiale Nord");
        test(button("cancel-tenant-settings")).click();
        assertThat(textField("tenant-sender").getValue()).isEqualTo("Filiale West");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void the_workspace_shows_the_tenant_with_its_role_in_the_header() {
        long tenant = jdbc.queryForObject("select id from organization where name = 'Muster Vorlagen'", Long.class);
        navigate("tenant/" + tenant, TenantWorkspaceView.class);

        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Muster Vorlagen")
                .contains("Professional");
        assertThat(find(Button.class).withId("save-logo").single().isEnabled()).isFalse();
        assertThat(find(Upload.class).withId("change-logo").exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void in_the_workspace_settings_and_logo_are_saved_and_the_last_administrator_stays() throws IOException {
        long tenant = createTenantBelowPartner("Workspace " + UUID.randomUUID());
        long tom = jdbc.queryForObject("select id from app_user where email = 'tom@sonnenschein.test'",
                Long.class);
        // an active administrator of the tenant: Tom, added as someone Kontor knows and activated right away
        jdbc.update("insert into membership (user_id, organization_id, role, state, created_at) "
                + "values (?, ?, 'TENANT_ADMINISTRATOR', 'ACTIVE', current_timestamp)", tom, tenant);
        navigate("tenant/" + tenant, TenantWorkspaceView.class);

        @SuppressWarnings("unchecked")
        Select<String> language = find(Select.class).withId("tenant-language").single();
        language.setValue("de");
        test(textField("tenant-sender")).setValue("Filiale West");
        assertThat(button("save-tenant-settings").getText()).isEqualTo("Save settings");
        test(button("save-tenant-settings")).click();
        assertThat(jdbc.queryForMap("select default_language, sender_name from tenant where organization_id = ?",
                tenant)).containsEntry("DEFAULT_LANGUAGE", "de").containsEntry("SENDER_NAME", "Filiale West");

        upload("change-logo", png(120, 40));
        assertThat(button("save-logo").isEnabled()).isTrue();
        test(button("save-logo")).click();
        assertThat(jdbc.queryForObject("select width from tenant_logo where organization_id = ?", Integer.class,
                tenant)).isEqualTo(120);
        assertThat(find(com.vaadin.flow.component.html.Image.class).withClassName("tenant-logo").exists()).isTrue();

        long row = jdbc.queryForObject("select id from membership where organization_id = ? and role = "
                + "'TENANT_ADMINISTRATOR'", Long.class, tenant);
        // Deactivate and Remove would only be refused: the row of the last active administrator says what comes first
        assertThat(find(Button.class).withId("deactivate-" + row).exists()).isFalse();
        assertThat(find(Button.class).withId("remove-" + row).exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("last-administrator-stays-" + row).single()
                .getText()).isEqualTo("Last active administrator: add another one first.");
        assertThat(jdbc.queryForObject("select state from membership where id = ?", String.class, row))
                .isEqualTo("ACTIVE");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void an_administrator_asked_about_their_own_row_is_spoken_to_as_you() {
        long tenant = createTenantBelowPartner("Own row " + UUID.randomUUID());
        long tom = jdbc.queryForObject("select id from app_user where email = 'tom@sonnenschein.test'",
                Long.class);
        jdbc.update("insert into membership (user_id, organization_id, role, state, created_at) "
                + "values (?, ?, 'TENANT_ADMINISTRATOR', 'ACTIVE', current_timestamp)", tom, tenant);
        jdbc.update("insert into membership (user_id, organization_id, role, state, created_at) "
                + "values (?, ?, 'TENANT_ADMINISTRATOR', 'ACTIVE', current_timestamp)",
                fixtures.userIdOf(fixtures.person("Vera")), tenant);
        long own = jdbc.queryForObject("select id from membership where organization_id = ? and user_id = ?",
                Long.class, tenant, tom);
        fixtures.signIn("tom@sonnenschein.test");
        navigate("tenant/" + tenant, TenantWorkspaceView.class);
        // beside the tenant's name the strip does not name it again
        assertThat(find(com.vaadin.flow.component.html.Span.class).withClassName("tenant-working-as").single()
                .getText()).isEqualTo("Working as tenant administrator");

        test(button("deactivate-" + own)).click();
        var question = find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class)
                .withId("confirm-administrator-change").single();
        assertThat(question.getElement().getProperty("header")).isEqualTo("Deactivate yourself?");
        assertThat(question.getElement().getProperty("message")).startsWith("You can no longer administer");
    }

    @Test
    void another_partner_cannot_open_the_tenant_by_its_address() {
        var other = fixtures.partner("Fremd " + UUID.randomUUID());
        long tenant = jdbc.queryForObject("select id from organization where name = 'Muster Vorlagen'", Long.class);
        fixtures.signIn(other.adminEmail());

        navigate("tenant/" + tenant, RefusalView.class);

        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where kind = 'ACCESS_DENIED' and organization_id = ?
                  and actor_email = ?""", Integer.class, tenant, other.adminEmail())).isPositive();
    }

    private long createTenantBelowPartner(String name) {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();
        test(textField("tenant-name")).setValue(name);
        test(button("create-tenant")).click();
        return jdbc.queryForObject("select id from organization where name = ?", Long.class, name);
    }

    private void upload(String id, byte[] content) {
        test(find(Upload.class).withId(id).single()).upload("logo", "image/png", content);
    }

    private void assertRefused(LogoField logo, byte[] upload, String message) {
        upload("tenant-logo", upload);
        assertThat(logo.isInvalid()).isTrue();
        assertThat(logo.getErrorMessage()).contains(message);
        assertThat(logo.logo()).isEmpty();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] noise(int size) throws IOException {
        byte[] png = png(10, 10);
        byte[] big = new byte[size];
        System.arraycopy(png, 0, big, 0, png.length);
        return big;
    }
}
