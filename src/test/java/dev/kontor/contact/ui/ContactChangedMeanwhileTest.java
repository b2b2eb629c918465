package dev.kontor.contact.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.GridCells;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing a contact that a colleague saved or deleted while the dialog was open. */
@ViewTest
class ContactChangedMeanwhileTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ContactService contacts;

    @Test
    void a_refused_save_keeps_the_input_shows_the_colleagues_values_and_the_second_save_stores_the_input() {
        TestAccount account = fixtures.account("Alice", "Bob");
        ContactRow tina = openTinaAs(account, "Alice");
        test(textField("contact-last-name")).setValue("Typed");
        test(textField("contact-job-title")).setValue("Lead");
        ContactRow bobs = fixtures.as(account.email("Bob"), () -> contacts.change(account.id(), tina.id(),
                new NewContact(null, "Tina", "Bobchanged", "tina@example.test", null, null,
                        Set.of(ContactType.TECHNICAL, ContactType.BILLING)), tina.version(), Locale.ENGLISH));

        test(button("save-contact")).click();

        ContactDialog dialog = find(ContactDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(find(Div.class).withClassName("changed-meanwhile").single().getElement().getTextRecursively())
                .contains("Someone else saved a change to this data in the meantime.", "Show current values");
        assertThat(textField("contact-last-name").getValue()).isEqualTo("Typed");
        assertThat(textField("contact-job-title").getValue()).isEqualTo("Lead");

        test(find(Button.class).withClassName("show-current-values").single()).click();

        // both changed the last name: the typed one stays, the colleague's is said below it
        assertThat(textField("contact-last-name").getValue()).isEqualTo("Typed");
        assertThat(textField("contact-last-name").getHelperText()).isEqualTo("Saved meanwhile: Bobchanged");
        // only the colleague changed the types: they are taken, said below them before the group's own help
        assertThat(types().getValue()).containsExactlyInAnyOrder(ContactType.TECHNICAL, ContactType.BILLING);
        assertThat(types().getHelperText()).startsWith("Saved meanwhile: ")
                .endsWith(" · Required: choose at least one.");
        // only Alice changed the job title: no note
        assertThat(textField("contact-job-title").getHelperText()).isNullOrEmpty();

        test(button("save-contact")).click();

        assertThat(dialog.isOpened()).isFalse();
        ContactRow saved = fixtures.as(account.email("Alice"), () -> contacts.contact(account.id(), tina.id()));
        assertThat(saved.lastName()).isEqualTo("Typed");
        assertThat(saved.jobTitle()).isEqualTo("Lead");
        assertThat(saved.types()).containsExactlyInAnyOrder(ContactType.TECHNICAL, ContactType.BILLING);
        assertThat(saved.version()).isGreaterThan(bobs.version());
    }

    @Test
    void cancel_after_a_refused_save_shows_the_saved_contact_in_the_list() {
        TestAccount account = fixtures.account("Alice", "Bob");
        ContactRow tina = openTinaAs(account, "Alice");
        test(textField("contact-last-name")).setValue("Typed");
        fixtures.as(account.email("Bob"), () -> contacts.change(account.id(), tina.id(),
                new NewContact(null, "Tina", "Bobchanged", "tina@example.test", null, null,
                        Set.of(ContactType.TECHNICAL)), tina.version(), Locale.ENGLISH));
        test(button("save-contact")).click();

        find(ContactDialog.class).single().close();

        @SuppressWarnings("unchecked")
        Grid<ContactRow> grid = find(Grid.class).withId("contacts").single();
        assertThat(test(grid).getRow(0).lastName()).isEqualTo("Bobchanged");
    }

    @Test
    void a_contact_deleted_meanwhile_is_said_to_be_gone_in_german() {
        TestAccount account = fixtures.account("Alice", "Bob");
        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.GERMAN);
        ContactRow tina = openTinaAs(account, "Alice");
        test(textField("contact-last-name")).setValue("Typed");
        ContactRow bobs = fixtures.as(account.email("Bob"), () -> contacts.change(account.id(), tina.id(),
                new NewContact(null, "Tina", "Bobchanged", "tina@example.test", null, null,
                        Set.of(ContactType.TECHNICAL)), tina.version(), Locale.ENGLISH));
        test(button("save-contact")).click();
        assertThat(find(Button.class).withClassName("show-current-values").single().getText())
                .isEqualTo("Aktuelle Werte zeigen");
        fixtures.as(account.email("Bob"), () -> contacts.delete(account.id(), tina.id(), bobs.version()));

        test(find(Button.class).withClassName("show-current-values").single()).click();

        Div box = find(Div.class).withClassName("changed-meanwhile").single();
        assertThat(box.getElement().getTextRecursively()).isEqualTo("Diesen Kontakt gibt es nicht mehr. "
                + "Laden Sie neu, um den aktuellen Stand zu sehen.");
        assertThat(find(Button.class).withClassName("show-current-values").exists()).isFalse();
        assertThat(textField("contact-last-name").getValue()).isEqualTo("Typed");

        // a Save after that says the same, in the dialog
        test(button("save-contact")).click();
        assertThat(find(ContactDialog.class).single().isOpened()).isTrue();
        assertThat(box.getElement().getTextRecursively()).startsWith("Diesen Kontakt gibt es nicht mehr.");
    }

    private ContactRow openTinaAs(TestAccount account, String manager) {
        ContactRow tina = fixtures.as(account.email(manager), () -> contacts.add(account.id(), new NewContact(null,
                "Tina", "Technik", "tina@example.test", null, null, Set.of(ContactType.TECHNICAL))));
        fixtures.signIn(account.email(manager));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        @SuppressWarnings("unchecked")
        Grid<ContactRow> grid = find(Grid.class).withId("contacts").single();
        test(GridCells.find(test(grid), Button.class, "edit-contact-" + tina.id())).click();
        return tina;
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<ContactType> types() {
        return find(CheckboxGroup.class).withId("contact-types").single();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }
}
