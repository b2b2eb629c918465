package dev.kontor.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.testing.DialogKeyboard;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The account data dialog and Add manager with the keyboard: Esc, Enter, where the focus starts, and buttons that
 * send mail and so cannot be pressed twice.
 */
@ViewTest
class AccountDialogsKeyboardTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    AccountService accounts;
    @Autowired
    ManagerService managers;

    @Test
    void add_manager_starts_in_the_email_field_and_enter_sends_exactly_one_invitation() {
        TestAccount account = openAccountOf("Alice");
        test(button("add-manager")).click();
        AddManagerDialog dialog = find(AddManagerDialog.class).single();
        DialogKeyboard.assertFormKeys(dialog, "submit-new-manager", email());

        String address = "nina-" + account.tag() + "@example.test";
        test(email()).setValue(address);
        test(name()).setValue("Nina Neu");
        Button add = button("submit-new-manager");
        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(outbox.to(address)).hasSize(1);
        // a second click of the same button finds it gone: one invitation, not two
        assertThat(test(add).isUsable()).isFalse();
    }

    @Test
    void a_refused_address_leaves_add_ready_for_a_second_try() {
        openAccountOf("Alice");
        test(button("add-manager")).click();
        test(email()).setValue("not an address");
        test(name()).setValue("Nina Neu");
        Button add = button("submit-new-manager");
        test(add).click();

        assertThat(find(AddManagerDialog.class).single().isOpened()).isTrue();
        assertThat(email().isInvalid()).isTrue();
        assertThat(test(add).isUsable()).isTrue();
    }

    @Test
    void a_name_that_holds_a_link_is_refused_at_the_field_and_nobody_is_mailed() {
        TestAccount account = openAccountOf("Alice");
        test(button("add-manager")).click();
        String address = "prize-" + account.tag() + "@example.test";
        test(email()).setValue(address);
        test(name()).setValue("Free prize at https://evil.test");
        test(button("submit-new-manager")).click();

        assertThat(find(AddManagerDialog.class).single().isOpened()).isTrue();
        assertThat(name().isInvalid()).isTrue();
        assertThat(name().getErrorMessage()).contains("web or e-mail address");
        assertThat(outbox.to(address)).isEmpty();
    }

    @Test
    void esc_closes_an_untouched_form_at_once_and_asks_before_dropping_what_was_typed() {
        TestAccount account = openAccountOf("Alice");
        test(button("add-manager")).click();
        AddManagerDialog untouched = find(AddManagerDialog.class).single();
        DialogKeyboard.pressEscape(untouched);
        assertThat(untouched.isOpened()).isFalse();

        test(button("add-manager")).click();
        AddManagerDialog dialog = find(AddManagerDialog.class).single();
        String address = "nina-" + account.tag() + "@example.test";
        test(email()).setValue(address);
        DialogKeyboard.pressEscape(dialog);
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-discard").single();
        assertThat(question.isOpened()).isTrue();
        assertThat(DialogKeyboard.cancelsFirst(question)).isTrue();
        assertThat(dialog.isOpened()).isTrue();

        test(question).cancel();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(email().getValue()).isEqualTo(address);

        DialogKeyboard.pressEscape(dialog);
        test(find(ConfirmDialog.class).withId("confirm-discard").last()).confirm();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(outbox.to(address)).isEmpty();
    }

    @Test
    void after_keep_editing_the_form_still_takes_enter() {
        TestAccount account = openAccountOf("Alice");
        test(button("add-manager")).click();
        AddManagerDialog dialog = find(AddManagerDialog.class).single();
        String address = "nina-" + account.tag() + "@example.test";
        test(email()).setValue(address);
        test(name()).setValue("Nina Neu");
        DialogKeyboard.pressEscape(dialog);
        test(find(ConfirmDialog.class).withId("confirm-discard").single()).cancel();

        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(outbox.to(address)).hasSize(1);
    }

    @Test
    void the_account_dialog_opens_on_its_first_control_not_on_its_frame() {
        openAccountOf("Alice");
        AccountDataDialog dialog = find(AccountDataDialog.class).single();

        com.vaadin.flow.component.Component first = DialogKeyboard.initialFocus(dialog);
        assertThat(first).isSameAs(find(TextField.class).withId("company-name").single());
    }

    @Test
    void the_account_data_come_first_and_each_form_has_one_save_named_for_what_it_saves() {
        openAccountOf("Alice", "Bob");
        AccountDataDialog dialog = find(AccountDataDialog.class).single();

        com.vaadin.flow.component.Component body = dialog.getChildren().findFirst().orElseThrow();
        assertThat(body.getChildren().findFirst().flatMap(com.vaadin.flow.component.Component::getId))
                .hasValue("master-data");
        test(button("edit-contact-person")).click();
        test(button("edit-deputy")).click();
        assertThat(find(Button.class).all().stream().filter(com.vaadin.flow.component.Component::isVisible)
                .map(Button::getText).filter(text -> text.startsWith("Save")))
                .containsExactlyInAnyOrder("Save account data", "Save contact person", "Save deputy",
                        "Save partner access rules");
    }

    @Test
    void esc_in_the_contact_person_chooser_closes_the_chooser_alone_and_keeps_what_was_typed_in_the_dialog() {
        openAccountOf("Alice", "Bob");
        AccountDataDialog dialog = find(AccountDataDialog.class).single();
        test(find(TextField.class).withId("company-name").single()).setValue("Typed But Not Saved");
        test(button("edit-contact-person")).click();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<Member> choice = find(
                com.vaadin.flow.component.combobox.ComboBox.class).withId("contact-person-choice").single();
        assertThat(choice.getClassNames()).contains("manager-choice");
        assertThat(choice.getElement().getStyle().get("--vaadin-combo-box-overlay-width")).contains("40rem");

        com.vaadin.browserless.internal.ShortcutsKt._fireShortcut(choice.getParent().orElseThrow(),
                com.vaadin.flow.component.Key.ESCAPE);

        assertThat(choice.getParent().orElseThrow().isVisible()).as("the chooser").isFalse();
        assertThat(button("edit-contact-person").isVisible()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(find(TextField.class).withId("company-name").single().getValue()).isEqualTo("Typed But Not Saved");
    }

    @Test
    void enter_on_a_chosen_manager_makes_them_the_contact_person() {
        TestAccount account = openAccountOf("Alice", "Bob");
        test(button("edit-contact-person")).click();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<Member> choice = find(
                com.vaadin.flow.component.combobox.ComboBox.class).withId("contact-person-choice").single();
        Member bob = choice.getListDataView().getItems().filter(m -> m.displayName().equals("Bob")).findFirst()
                .orElseThrow();
        test(choice).selectItem("Bob");

        com.vaadin.browserless.internal.ShortcutsKt._fireShortcut(choice, com.vaadin.flow.component.Key.ENTER);

        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("contact-person-name").single().getText())
                .startsWith(bob.displayName());
    }

    /**
     * Review 29: in Chromium one arrow key opened the deputy list without highlighting a name, and Enter then stored
     * "No deputy" unasked, closed the chooser without a word and left the focus on the page's body.
     */
    @Test
    void enter_with_no_name_highlighted_saves_nothing_and_keeps_the_deputy_chooser_open() {
        TestAccount account = openAccountOf("Alice", "Bob");
        test(button("edit-deputy")).click();
        com.vaadin.flow.component.combobox.ComboBox<Member> choice = deputyChoice();
        long version = accounts.details(new CustomerNumber(account.customerNumber())).version();

        com.vaadin.browserless.internal.ShortcutsKt._fireShortcut(choice, com.vaadin.flow.component.Key.ENTER);

        assertThat(deputyChoice().getParent().orElseThrow().isVisible()).as("the chooser, still open").isTrue();
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).version())
                .as("nothing stored").isEqualTo(version);
        assertThat(notices()).isEmpty();
    }

    @Test
    void enter_on_the_highlighted_deputy_saves_says_so_and_puts_the_focus_on_the_deputys_pencil() {
        TestAccount account = openAccountOf("Alice", "Bob");
        test(button("edit-deputy")).click();
        com.vaadin.flow.component.combobox.ComboBox<Member> choice = deputyChoice();
        test(choice).selectItem("Bob");
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        com.vaadin.browserless.internal.ShortcutsKt._fireShortcut(choice, com.vaadin.flow.component.Key.ENTER);

        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).deputy().map(Member::displayName))
                .hasValue("Bob");
        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("deputy-name").single().getText())
                .startsWith("Bob");
        assertThat(notices()).containsExactly("Bob is now the deputy.");
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .as("the focus goes back to the deputy's pencil, not to the page's body")
                .anyMatch(call -> call.getInvocation().getExpression().contains("focus")
                        && call.getInvocation().getParameters().contains("edit-deputy"));
    }

    @Test
    void a_new_contact_person_is_told_in_a_notice() {
        openAccountOf("Alice", "Bob");
        test(button("edit-contact-person")).click();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<Member> choice = find(
                com.vaadin.flow.component.combobox.ComboBox.class).withId("contact-person-choice").single();
        test(choice).selectItem("Bob");

        test(button("save-contact-person")).click();

        assertThat(notices()).containsExactly("Bob is now the contact person.");
    }

    /**
     * Review 29: on a phone the field scrolled to the end of "Anna Becker · anna@…" and showed "na Becker · anna@…";
     * the field holds the name alone, the list "Name · address".
     */
    @Test
    void the_chooser_field_shows_the_name_alone_and_its_list_the_name_with_the_address() {
        TestAccount account = openAccountOf("Alice", "Bob");
        test(button("edit-contact-person")).click();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<Member> choice = find(
                com.vaadin.flow.component.combobox.ComboBox.class).withId("contact-person-choice").single();
        Member alice = choice.getValue();

        assertThat(choice.getItemLabelGenerator().apply(alice)).isEqualTo("Alice");
        // the list still tells people apart by their address, and typing an address finds its person
        test(choice).setFilter(account.email("Bob"));
        assertThat(test(choice).getSuggestionItems()).extracting(Member::displayName).containsExactly("Bob");
    }

    @Test
    void the_account_dialog_closes_at_once_unless_master_data_are_unsaved_then_esc_and_the_x_ask_first() {
        TestAccount account = openAccountOf("Alice");
        AccountDataDialog dialog = find(AccountDataDialog.class).single();
        DialogKeyboard.pressEscape(dialog);
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEmpty();

        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        AccountDataDialog again = find(AccountDataDialog.class).single();
        test(find(TextField.class).withId("company-name").single()).setValue("Alice & Söhne");
        DialogKeyboard.pressEscape(again);
        assertThat(find(ConfirmDialog.class).withId("confirm-discard").single().isOpened()).isTrue();
        test(find(ConfirmDialog.class).withId("confirm-discard").single()).cancel();
        assertThat(again.isOpened()).isTrue();

        test(button("close-account-dialog")).click();
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-discard").last();
        assertThat(question.isOpened()).isTrue();
        test(question).confirm();
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEmpty();
        assertThat(accounts.details(new CustomerNumber(account.customerNumber())).masterData().companyName())
                .doesNotContain("Söhne");
    }

    @Test
    void deactivating_or_removing_a_manager_asks_with_the_focus_on_cancel() {
        TestAccount account = openAccountOf("Alice", "Bob");
        long bob = membership(account, "Bob");

        test(button("deactivate-" + bob)).click();
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-manager-change").single();
        assertThat(DialogKeyboard.cancelsFirst(question)).isTrue();
        test(question).cancel();

        test(button("remove-" + bob)).click();
        assertThat(DialogKeyboard.cancelsFirst(find(ConfirmDialog.class).withId("confirm-manager-change").last()))
                .isTrue();
    }

    @Test
    void send_again_is_off_from_the_click_until_the_server_answers_and_sends_one_mail() {
        TestAccount account = fixtures.account("Alice");
        String address = "invited-" + account.tag() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), address, "Ida Invited",
                Locale.ENGLISH));
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        Button resend = button("resend-" + membership(account, "Ida Invited"));
        assertThat(resend.isDisableOnClick()).isTrue();

        test(resend).click();

        assertThat(outbox.to(address)).hasSize(2);
        assertThat(test(resend).isUsable()).isFalse();
    }

    private TestAccount openAccountOf(String... managerNames) {
        TestAccount account = fixtures.account(managerNames);
        fixtures.signIn(account.email(managerNames[0]));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        return account;
    }

    private long membership(TestAccount account, String name) {
        return fixtures.as(account.email("Alice"), () -> accounts.details(new CustomerNumber(account.customerNumber()))
                .managers().stream().filter(m -> m.displayName().equals(name)).findFirst().map(Member::membershipId)
                .orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private com.vaadin.flow.component.combobox.ComboBox<Member> deputyChoice() {
        return find(com.vaadin.flow.component.combobox.ComboBox.class).withId("deputy-choice").single();
    }

    private java.util.List<String> notices() {
        return find(com.vaadin.flow.component.notification.Notification.class).all().stream()
                .filter(com.vaadin.flow.component.notification.Notification::isOpened)
                .map(n -> test(n).getText()).toList();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private EmailField email() {
        return find(EmailField.class).withId("new-manager-email").single();
    }

    private TextField name() {
        return find(TextField.class).withId("new-manager-name").single();
    }
}
