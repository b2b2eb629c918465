package dev.kontor.contact.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.partner.ui.PartnerProfileView;
import dev.kontor.testing.DialogKeyboard;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.GridCells;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.ViewTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contact dialog with the keyboard, the delete question, and an organization without contacts. */
@ViewTest
class ContactDialogKeyboardTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ContactService contacts;

    @Test
    void add_contact_starts_in_the_first_name_and_enter_saves_the_contact_once() {
        TestAccount account = openAccountOf("Alice");
        test(button("add-contact")).click();
        ContactDialog dialog = find(ContactDialog.class).single();
        DialogKeyboard.assertFormKeys(dialog, "save-contact", textField("contact-first-name"));

        fillTina();
        Button save = button("save-contact");
        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(save).isUsable()).isFalse();
        assertThat(fixtures.as(account.email("Alice"), () -> contacts.count(account.id()))).isEqualTo(1);
    }

    @Test
    void enter_in_an_incomplete_form_saves_nothing_and_leaves_save_ready() {
        openAccountOf("Alice");
        test(button("add-contact")).click();
        ContactDialog dialog = find(ContactDialog.class).single();
        test(textField("contact-first-name")).setValue("Tina");

        DialogKeyboard.pressEnter(dialog);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(textField("contact-last-name").isInvalid()).isTrue();
        assertThat(test(button("save-contact")).isUsable()).isTrue();
    }

    @Test
    void esc_asks_before_dropping_a_half_filled_contact_and_deleting_asks_with_the_focus_on_cancel() {
        TestAccount account = openAccountOf("Alice");
        test(button("add-contact")).click();
        ContactDialog dialog = find(ContactDialog.class).single();
        test(textField("contact-first-name")).setValue("Tina");
        DialogKeyboard.pressEscape(dialog);
        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-discard").single();
        assertThat(question.isOpened()).isTrue();
        test(question).confirm();
        assertThat(dialog.isOpened()).isFalse();

        test(button("add-contact")).click();
        fillTina();
        test(button("save-contact")).click();
        ContactRow tina = fixtures.as(account.email("Alice"), () -> contacts.page(account.id(),
                org.springframework.data.domain.PageRequest.of(0, 5)).getFirst());
        test(GridCells.find(test(contactsGrid()), Button.class, "delete-contact-" + tina.id())).click();
        assertThat(DialogKeyboard.cancelsFirst(find(ConfirmDialog.class).withId("confirm-delete-contact").single()))
                .isTrue();
    }

    @Test
    void an_account_without_contacts_says_how_to_add_the_first() {
        openAccountOf("Alice");
        assertThat(test(contactsGrid()).size()).isZero();
        assertThat(contactsGrid().getEmptyStateText()).isEqualTo(
                "No contacts yet. “Add contact” names the people who hear from us about invoices, technical changes "
                        + "or business news.");
    }

    @Test
    void a_partner_without_contacts_says_how_to_add_the_first() {
        TestPartner partner = fixtures.partner("Empty Partner");
        fixtures.signIn(partner.legalEmail());
        navigate(PartnerProfileView.class);
        assertThat(test(contactsGrid()).size()).isZero();
        assertThat(contactsGrid().getEmptyStateText()).startsWith("No contacts yet. “Add contact”");
    }

    @Test
    void the_contact_types_are_marked_and_described_as_required_and_none_chosen_says_so_below_the_boxes() {
        openAccountOf("Alice");
        test(button("add-contact")).click();
        @SuppressWarnings("unchecked")
        CheckboxGroup<ContactType> types = find(CheckboxGroup.class).withId("contact-types").single();

        // the mark by its class (Vaadin's own would put aria-required on role=group, which axe refuses)
        assertThat(types.getClassNames()).contains("required-group");
        assertThat(types.isRequiredIndicatorVisible()).isFalse();
        assertThat(types.getHelperText()).isEqualTo("Required: choose at least one.");

        types.setValue(Set.of(ContactType.TECHNICAL));
        types.setValue(Set.of());

        assertThat(types.isInvalid()).isTrue();
        assertThat(types.getErrorMessage()).isEqualTo("Choose at least one contact type.");
    }

    private void fillTina() {
        test(textField("contact-first-name")).setValue("Tina");
        test(textField("contact-last-name")).setValue("Technik");
        test(find(EmailField.class).withId("contact-email").single()).setValue("tina@example.test");
        @SuppressWarnings("unchecked")
        CheckboxGroup<ContactType> types = find(CheckboxGroup.class).withId("contact-types").single();
        types.setValue(Set.of(ContactType.TECHNICAL));
    }

    private TestAccount openAccountOf(String manager) {
        TestAccount account = fixtures.account(manager);
        fixtures.signIn(account.email(manager));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        return account;
    }

    @SuppressWarnings("unchecked")
    private Grid<ContactRow> contactsGrid() {
        return find(Grid.class).withId("contacts").single();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }
}
