package dev.kontor.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import dev.kontor.tenant.TreeNode;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogKeyboard;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The tenant dialogs with the keyboard, their slow buttons, and the tenant views where there is nothing yet. */
@ViewTest
class TenantDialogsKeyboardTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TenantDialogServices services;

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void a_tenant_of_the_partner_itself_is_not_said_to_be_handed_to_a_customer() {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();
        test(textField("tenant-name")).setValue("Own " + UUID.randomUUID());
        DialogKeyboard.pressEnter(find(NewTenantDialog.class).single());

        assertThat(find(Paragraph.class).withId("tenant-created-handover").single().getText())
                .isEqualTo("Add at least one administrator, who will look after it. You can also log in to "
                        + "configure it further.");
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void new_tenant_starts_in_the_name_enter_creates_it_once_and_then_enter_and_esc_create_nothing_more() {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();
        NewTenantDialog dialog = find(NewTenantDialog.class).single();
        DialogKeyboard.assertFormKeys(dialog, "create-tenant", textField("tenant-name"));

        String name = "Keyboard " + UUID.randomUUID();
        test(textField("tenant-name")).setValue(name);
        Button create = button("create-tenant");
        DialogKeyboard.pressEnter(dialog);
        assertThat(find(Paragraph.class).withId("tenant-created").single().getText()).contains(name);
        assertThat(test(create).isUsable()).isFalse();

        // the next steps are no form: Enter creates nothing, and Esc closes without a question
        DialogKeyboard.pressEnter(dialog);
        DialogKeyboard.pressEscape(dialog);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(find(ConfirmDialog.class).withId("confirm-discard").exists()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from organization where name = ?", Integer.class, name))
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void enter_without_a_name_creates_nothing_and_create_is_ready_again_and_esc_asks_once_something_is_typed() {
        navigate(TenantsView.class);
        test(button("new-tenant")).click();
        NewTenantDialog dialog = find(NewTenantDialog.class).single();

        DialogKeyboard.pressEnter(dialog);
        assertThat(textField("tenant-name").isInvalid()).isTrue();
        assertThat(test(button("create-tenant")).isUsable()).isTrue();

        test(textField("tenant-name")).setValue("Half typed");
        DialogKeyboard.pressEscape(dialog);
        assertThat(find(ConfirmDialog.class).withId("confirm-discard").single().isOpened()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void add_administrator_starts_in_the_email_and_enter_sends_one_activation_link() {
        // the online shop, not the south branch: that one must keep having no administrator for the test below
        TreeNode shop = tenant("Sonnenschein Online-Shop");
        AddAdministratorDialog dialog = new AddAdministratorDialog(services.administrators(), shop.id(),
                shop.name(), 0, () -> { });
        dialog.open();
        EmailField email = find(EmailField.class).withId("administrator-email").single();
        DialogKeyboard.assertFormKeys(dialog, "send-activation", email);

        String address = "shop-" + UUID.randomUUID() + "@example.test";
        test(email).setValue(address);
        test(textField("administrator-name")).setValue("Susi Shop");
        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(outbox.to(address)).hasSize(1);
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void move_starts_in_its_choice_and_enter_without_one_says_what_is_missing() {
        TreeNode south = tenant("Sonnenschein Filiale Süd");
        MoveTenantDialog dialog = new MoveTenantDialog(services, south, () -> { });
        dialog.open();
        ComboBox<?> target = find(ComboBox.class).withId("move-target").single();
        DialogKeyboard.assertFormKeys(dialog, "submit-move", target);

        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(target.isInvalid()).isTrue();
        assertThat(test(button("submit-move")).isUsable()).isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.PARTNER_ADMIN)
    void copy_content_opens_on_close_so_that_a_stray_enter_starts_no_copy_and_names_where_it_copies_from() {
        TreeNode cafe = tenant("Sonnenschein Café am Markt");
        CopyContentDialog dialog = new CopyContentDialog(services, cafe);
        dialog.open();
        DialogKeyboard.assertFormKeys(dialog, "start-copy", button("close-copy"));
        assertThat(dialog.getElement().getTextRecursively())
                .contains("Copies the content of the master tenant Sonnenschein Filiale Nord ");
        dialog.close();

        CopyContentDialog nothingToTick = new CopyContentDialog(services, tenant("Sonnenschein Filiale Süd"));
        nothingToTick.open();
        DialogKeyboard.assertFormKeys(nothingToTick, "start-copy", button("close-copy"));
    }

    @Test
    @WithUserDetails(DemoPeople.DORA)
    void an_account_without_tenants_says_how_the_first_one_comes_and_a_search_without_match_says_so() {
        navigate(TenantsView.class);
        Paragraph none = find(Paragraph.class).withId("no-tenants").single();
        assertThat(none.isVisible()).isTrue();
        assertThat(none.getText())
                .isEqualTo("No tenants yet. New tenant creates the first one below Nordlicht Reisen.");
        // a customer's manager is told nothing about partners here
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("your partner");

        test(textField("tenant-search")).setValue("no such tenant anywhere");
        // the tree gives way to the message, with Clear search: its root rows would read as a match
        assertThat(find(TreeGrid.class).withId("tenant-tree").exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("tenant-no-match").single().getElement()
                .getTextRecursively()).startsWith("No tenant name contains “no such tenant anywhere”.");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_tenant_without_administrators_says_how_the_first_one_comes() {
        long south = jdbc.queryForObject("select id from organization where name = 'Sonnenschein Filiale Süd'",
                Long.class);
        navigate("tenant/" + south, TenantWorkspaceView.class);

        assertThat(find(Paragraph.class).withId("no-administrators").single().getText())
                .isEqualTo("No administrators yet. Add administrator sends the first one an invitation.");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void on_a_phone_the_tree_keeps_the_name_and_the_administrators_and_a_laptop_shows_every_column() {
        TenantsView view = navigate(TenantsView.class);
        TreeGrid<?> tree = find(TreeGrid.class).withId("tenant-tree").single();

        view.fitColumns(390);
        assertThat(tree.getColumns().stream().filter(column -> column.isVisible()).count()).isEqualTo(2);
        assertThat(tree.getColumnByKey("name").isVisible()).isTrue();

        view.fitColumns(1366);
        assertThat(tree.getColumns().stream().allMatch(column -> column.isVisible())).isTrue();
    }

    private TreeNode tenant(String name) {
        long id = jdbc.queryForObject("select id from organization where name = ?", Long.class, name);
        return services.tree().node(id).orElseThrow();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }
}
