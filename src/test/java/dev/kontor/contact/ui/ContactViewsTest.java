package dev.kontor.contact.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.organization.Member;
import dev.kontor.partner.ui.PartnerProfileView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The contacts grid and dialog in the account dialog, the partner profile and the confirmation page. */
@ViewTest
class ContactViewsTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ContactService contacts;
    @Autowired
    Outbox outbox;

    @Test
    void a_manager_adds_a_contact_and_sees_errors_next_to_the_fields() {
        TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        test(button("add-contact")).click();
        test(button("save-contact")).click();
        assertThat(textField("contact-first-name").isInvalid()).isTrue();
        assertThat(types().isInvalid()).isTrue();

        test(textField("contact-first-name")).setValue("Tina");
        test(textField("contact-last-name")).setValue("Technik");
        test(find(EmailField.class).withId("contact-email").single()).setValue("tina@example.test");
        test(textField("contact-phone")).setValue("not a phone");
        types().setValue(Set.of(ContactType.TECHNICAL));
        test(button("save-contact")).click();
        assertThat(textField("contact-phone").isInvalid()).isTrue();
        assertThat(textField("contact-phone").getErrorMessage()).contains("phone number");

        test(textField("contact-phone")).setValue("+49 5251 654321");
        test(button("save-contact")).click();

        Grid<ContactRow> grid = contactsGrid();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Tina Technik");
        // held on one line: no-break spaces between the groups
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("+49\u00A05251\u00A0654321");
    }

    @Test
    void on_a_phone_one_column_tells_the_whole_contact_beside_the_frozen_actions() {
        TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        test(button("add-contact")).click();
        test(textField("contact-first-name")).setValue("Tina");
        test(textField("contact-last-name")).setValue("Technik");
        test(find(EmailField.class).withId("contact-email").single()).setValue("tina@example.test");
        test(textField("contact-phone")).setValue("+49 5251 654321");
        types().setValue(Set.of(ContactType.TECHNICAL));
        test(button("save-contact")).click();
        ContactsSection section = find(ContactsSection.class).single();

        section.fitColumns(390);
        assertThat(contactsGrid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("contact", null);
        assertThat(test(contactsGrid()).getCellComponent(0, 0).getElement().getTextRecursively())
                .contains("Tina Technik", "tina@example.test", "+49\u00A05251\u00A0654321");

        section.fitColumns(1366);
        assertThat(contactsGrid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("name", "email", "phone", "job-title", "types", "user", null);
        assertThat(test(contactsGrid()).getCellText(0, 0)).isEqualTo("Tina Technik");
    }

    @Test
    void a_contact_from_an_existing_user_shows_in_the_managers_contact_types_and_a_new_address_waits() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        test(button("add-contact")).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> who = find(RadioButtonGroup.class).withId("contact-who").single();
        who.setValue(who.getListDataView().getItems().findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<Member> user = find(ComboBox.class).withId("contact-user").single();
        user.setValue(user.getListDataView().getItems().filter(m -> m.displayName().equals("Bob"))
                .findFirst().orElseThrow());
        assertThat(find(EmailField.class).withId("contact-email").single().getValue())
                .isEqualTo(account.email("Bob"));
        // a one-word name fills only the first name; the last name is still asked for
        test(textField("contact-last-name")).setValue("Builder");
        types().setValue(Set.of(ContactType.BILLING));
        test(button("save-contact")).click();

        assertThat(find(com.vaadin.flow.component.html.Section.class).withId("managers-section").single()
                .getElement().getTextRecursively()).contains("Billing");
        ContactRow bob = contacts.page(account.id(), org.springframework.data.domain.PageRequest.of(0, 5)).stream()
                .filter(ContactRow::linked).findFirst().orElseThrow();
        String newAddress = "bob-" + UUID.randomUUID() + "@example.test";
        contacts.change(account.id(), bob.id(), new NewContact(null, bob.firstName(), bob.lastName(), newAddress, null,
                null, Set.of(ContactType.BILLING)), bob.version(), Locale.ENGLISH);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        Grid<ContactRow> grid = contactsGrid();
        assertThat(test(grid).getCellComponent(0, 1).getElement().getTextRecursively())
                .contains("pending confirmation: " + newAddress);
    }

    @Test
    void the_user_column_says_in_words_that_a_linked_contact_signs_in_to_kontor_in_english_and_german() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.as(account.email("Alice"), () -> {
            contacts.add(account.id(), new NewContact(account.userId("Bob"), "Bob", "Builder", null, null, null,
                    Set.of(ContactType.BILLING)));
            contacts.add(account.id(), new NewContact(null, "Tina", "Technik", "tina@example.test", null, null,
                    Set.of(ContactType.TECHNICAL)));
        });
        fixtures.signIn(account.email("Alice"));
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();

        Grid<ContactRow> grid = contactsGrid();
        Grid.Column<ContactRow> user = grid.getColumnByKey("user");
        assertThat(user.getHeaderText()).isEqualTo("Signs in to Kontor");
        ContactRow bob = grid.getGenericDataView().getItems().filter(ContactRow::linked).findFirst().orElseThrow();
        ContactRow tina = grid.getGenericDataView().getItems().filter(row -> !row.linked()).findFirst()
                .orElseThrow();
        assertThat(user.getTooltipGenerator().apply(bob))
                .isEqualTo("Bob Builder is also one of this organization's users and signs in to Kontor.");
        assertThat(user.getTooltipGenerator().apply(tina))
                .isEqualTo("Tina Technik has no access to Kontor and only receives our messages.");
        int bobsRow = grid.getGenericDataView().getItems().toList().indexOf(bob);
        int column = grid.getColumns().indexOf(user);
        assertThat(test(grid).getCellComponent(bobsRow, column).getElement().getTextRecursively()).isEqualTo("Yes");
        // on a phone the contact's one line says it, as the hidden column would
        find(ContactsSection.class).single().fitColumns(390);
        // (the tester counts the visible columns: the contact's, then the actions)
        assertThat(test(grid).getCellComponent(bobsRow, 0).getElement().getTextRecursively())
                .contains("Signs in to Kontor");

        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.GERMAN);
        navigate("accounts/" + account.customerNumber(), DashboardView.class);
        DialogSections.openAll();
        Grid.Column<ContactRow> german = contactsGrid().getColumnByKey("user");
        assertThat(german.getHeaderText()).isEqualTo("Kontor-Zugang");
        assertThat(german.getTooltipGenerator().apply(tina))
                .isEqualTo("Tina Technik hat keinen Zugang zu Kontor und erhält nur unsere Nachrichten.");
    }

    @Test
    void the_confirmation_page_confirms_once_and_a_forged_link_gets_the_closed_page() {
        TestAccount account = fixtures.account("Alice", "Bob");
        String newAddress = "bob-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> {
            ContactRow bob = contacts.add(account.id(), new NewContact(account.userId("Bob"), "Bob", "Builder", null,
                    null, null, Set.of(ContactType.BILLING)));
            contacts.change(account.id(), bob.id(), new NewContact(null, "Bob", "Builder", newAddress, null, null,
                    Set.of(ContactType.BILLING)), bob.version(), Locale.ENGLISH);
        });
        Matcher link = Pattern.compile("/contact-email/([A-Za-z0-9_-]+)").matcher(outbox.to(newAddress).getLast()
                .body());
        assertThat(link.find()).isTrue();

        navigate("contact-email/" + link.group(1), ConfirmContactEmailView.class);
        assertThat(find(Paragraph.class).withId("confirm-email-text").single().getText()).contains(newAddress);
        test(button("confirm-email")).click();
        assertThat(find(Paragraph.class).withId("email-confirmed").single().getText()).contains(newAddress);

        navigate("contact-email/" + link.group(1), ClosedEmailChangeView.class);
        navigate("contact-email/forged", ClosedEmailChangeView.class);
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void the_partner_profile_lists_its_users_and_contacts() {
        navigate(PartnerProfileView.class);

        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Muster Hosting GmbH")
                .contains("Lea Lehmann").contains("Legal representative");
        assertThat(test(contactsGrid()).size()).isGreaterThanOrEqualTo(2);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("export-tree-contacts").exists())
                .isTrue();
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_users_row_holds_its_tags_in_one_box_with_no_empty_box_that_would_stretch_the_row() {
        navigate(PartnerProfileView.class);

        java.util.List<com.vaadin.flow.component.html.Div> cells = find(com.vaadin.flow.component.html.Div.class)
                .all().stream().filter(div -> div.hasClassName("tag-cell")).toList();
        assertThat(cells).isNotEmpty();
        assertThat(cells).allSatisfy(cell -> {
            assertThat(cell.getChildren()).as("a box of tags holds tags, not another box")
                    .allMatch(com.vaadin.flow.component.html.Span.class::isInstance);
            assertThat(cell.getChildren().count()).as("no empty box").isPositive();
        });
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void an_employee_reads_the_partner_contacts_but_may_not_change_them() {
        navigate(PartnerProfileView.class);

        assertThat(find(Button.class).withId("add-contact").exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("export-tree-contacts").exists())
                .isFalse();
    }

    private Button button(String id) {
        return find(Button.class).withId(id).single();
    }

    private TextField textField(String id) {
        return find(TextField.class).withId(id).single();
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<ContactType> types() {
        return find(CheckboxGroup.class).withId("contact-types").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<ContactRow> contactsGrid() {
        return find(Grid.class).withId("contacts").single();
    }
}
