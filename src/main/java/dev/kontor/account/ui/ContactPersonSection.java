package dev.kontor.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.TextRenderer;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.Notices;
import dev.kontor.organization.Member;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The contact person (and the deputy), read-only until the pencil turns them into a choice of the account's active
 * managers; and the "still correct?" confirmation of the contact data.
 */
class ContactPersonSection extends Section {

    private final AccountService accounts;
    private final AccountDetails details;
    private final Runnable onSaved;
    /** After a new contact person or deputy: the dialog is drawn anew with the focus on the place named. */
    private final Consumer<String> savedAt;

    ContactPersonSection(AccountService accounts, AccountDetails details, Runnable onSaved,
                         Consumer<String> savedAt) {
        this.accounts = accounts;
        this.details = details;
        this.onSaved = onSaved;
        this.savedAt = savedAt;
        setId("contact-person-section");
        addClassName("dialog-section");
        Paragraph explanation = new Paragraph(getTranslation("account.contact-person.explanation"));
        explanation.addClassName("section-explanation");
        add(new H3(getTranslation("account.contact-person")), explanation,
                contactPersonRow(), deputyRow(), confirmation());
    }

    private Component contactPersonRow() {
        Div row = new Div();
        row.addClassName("choice-row");
        Span label = new Span(getTranslation("account.contact-person") + ":");
        label.addClassName("card-label");
        Span shown = new Span(details.contactPerson().map(this::describe)
                .orElse(getTranslation("account.contact-person.none")));
        shown.setId("contact-person-name");
        Span value = new Span(shown);
        value.addClassName("choice-value");
        Div display = new Div(label, value);
        display.addClassName("choice-display");
        row.add(display);
        if (!details.viewerMayManageUsers()) {
            return row;
        }
        Paragraph hint = new Paragraph(getTranslation("account.contact-person.add-manager-first"));
        hint.setId("contact-person-hint");
        hint.addClassName("hint");
        hint.setVisible(false);

        ComboBox<Member> choice = managerChoice("contact-person-choice", "account.contact-person",
                details.activeManagers());
        details.contactPerson().ifPresent(choice::setValue);
        Button save = new Button(getTranslation("account.contact-person.save"));
        save.setId("save-contact-person");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"));
        cancel.setId("cancel-contact-person");
        Div editor = new Div(choice, save, cancel);
        editor.addClassName("choice-editor");
        editor.setVisible(false);
        Member stored = details.contactPerson().orElse(null);
        Runnable saveChoice = () -> {
            if (choice.getValue() == null) {
                choice.setErrorMessage(getTranslation("validation.required"));
                choice.setInvalid(true);
                return;
            }
            accounts.changeContactPerson(details.accountId(), details.version(), choice.getValue().userId());
            Notices.success(getTranslation("account.contact-person.saved", choice.getValue().displayName()));
            savedAt.accept("edit-contact-person");
        };
        chooserKeys(editor, choice, stored, saveChoice, cancel);

        Button pencil = pencil("edit-contact-person", "account.contact-person.edit");
        pencil.addClickListener(click -> {
            if (details.activeManagers().size() < 2) {
                hint.setVisible(true);
                return;
            }
            display.setVisible(false);
            pencil.setVisible(false);
            editor.setVisible(true);
            choice.focus();
        });
        cancel.addClickListener(click -> {
            details.contactPerson().ifPresentOrElse(choice::setValue, choice::clear);
            choice.setInvalid(false);
            editor.setVisible(false);
            display.setVisible(true);
            pencil.setVisible(true);
            pencil.focus();
        });
        save.addClickListener(click -> saveChoice.run());
        value.add(pencil);
        row.add(editor, hint);
        return row;
    }

    private Component deputyRow() {
        Div row = new Div();
        row.addClassName("choice-row");
        Span label = new Span(getTranslation("account.deputy") + ":");
        label.addClassName("card-label");
        Span shown = new Span(details.deputy().map(this::describe).orElse(getTranslation("account.deputy.none")));
        shown.setId("deputy-name");
        Span value = new Span(shown);
        value.addClassName("choice-value");
        Div display = new Div(label, value);
        display.addClassName("choice-display");
        row.add(display);
        List<Member> candidates = details.activeManagers().stream().filter(m -> !details.isContactPerson(m))
                .toList();
        if (!details.viewerMayManageUsers() || candidates.isEmpty()) {
            return row;
        }
        ComboBox<Member> choice = managerChoice("deputy-choice", "account.deputy", candidates);
        choice.setClearButtonVisible(true);
        choice.setPlaceholder(getTranslation("account.deputy.none"));
        details.deputy().ifPresent(choice::setValue);
        Runnable saveChoice = () -> {
            Member deputy = choice.getValue();
            accounts.changeDeputy(details.accountId(), details.version(), deputy == null ? null : deputy.userId());
            Notices.success(deputy == null ? getTranslation("account.deputy.cleared")
                    : getTranslation("account.deputy.saved", deputy.displayName()));
            savedAt.accept("edit-deputy");
        };
        Button save = new Button(getTranslation("account.deputy.save"), click -> saveChoice.run());
        save.setId("save-deputy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"));
        cancel.setId("cancel-deputy");
        Div editor = new Div(choice, save, cancel);
        editor.addClassName("choice-editor");
        editor.setVisible(false);
        chooserKeys(editor, choice, details.deputy().orElse(null), saveChoice, cancel);
        Button pencil = pencil("edit-deputy", "account.deputy.edit");
        pencil.addClickListener(click -> {
            display.setVisible(false);
            pencil.setVisible(false);
            editor.setVisible(true);
            choice.focus();
        });
        cancel.addClickListener(click -> {
            details.deputy().ifPresentOrElse(choice::setValue, choice::clear);
            editor.setVisible(false);
            display.setVisible(true);
            pencil.setVisible(true);
            pencil.focus();
        });
        value.add(pencil);
        row.add(editor);
        return row;
    }

    private Component confirmation() {
        Div row = new Div();
        row.setId("contact-confirmation");
        row.addClassName("confirmation-row");
        String when = details.contactConfirmedAt() == null ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(Moments.zone()).format(details.contactConfirmedAt());
        Span status = new Span(details.confirmationOverdue()
                ? getTranslation("account.confirmation.overdue")
                : getTranslation("account.confirmation.confirmed", when));
        status.addClassNames("tag", details.confirmationOverdue() ? "tag-warning" : "tag-success");
        row.add(status);
        if (details.viewerMayManageUsers()) {
            Button confirm = new Button(getTranslation("account.confirmation.confirm"), VaadinIcon.CHECK.create(),
                    click -> {
                        accounts.confirmContactData(details.accountId());
                        onSaved.run();
                    });
            confirm.setId("confirm-contact-data");
            if (details.confirmationOverdue()) {
                confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            row.add(confirm);
        }
        return row;
    }

    /**
     * The chooser's keys: the arrow keys walk the names in the open list, and Enter takes the highlighted one (the
     * combo box sets it as the value before this Enter arrives) and saves it; Enter on a closed list saves the name
     * shown. An Enter that changes nothing (the list opened, no name highlighted yet: the value is still the stored
     * one) saves nothing, and the chooser stays open for the next arrow key: it would otherwise store "No deputy"
     * unasked and close without a word. Esc on a closed list closes the chooser alone, as Cancel, and goes no
     * further, so the dialog with whatever else was typed in it stays open (an open list takes its Esc for itself
     * and only closes).
     */
    private static void chooserKeys(Div editor, ComboBox<Member> choice, Member stored, Runnable save,
                                    Button cancel) {
        Shortcuts.addShortcutListener(choice, () -> {
            if (!Objects.equals(choice.getValue(), stored)) {
                save.run();
            }
        }, Key.ENTER).listenOn(choice);
        cancel.addClickShortcut(Key.ESCAPE).listenOn(editor);
    }

    private ComboBox<Member> managerChoice(String id, String labelKey, List<Member> candidates) {
        ComboBox<Member> choice = new ComboBox<>(getTranslation(labelKey));
        choice.setId(id);
        // the field shows the name alone, so that on a phone it reads from its start (a field scrolled to the end of
        // "Name · address" showed "na Becker · anna@…"); the list shows "Name · address" whole, to tell two people of
        // one name apart, and typing finds either
        choice.addClassName("manager-choice");
        choice.setOverlayWidth("min(40rem, calc(100vw - 2rem))");
        choice.setItems((member, typed) -> describe(member).toLowerCase(getLocale())
                .contains(typed.toLowerCase(getLocale())), candidates);
        choice.setItemLabelGenerator(Member::displayName);
        choice.setRenderer(new TextRenderer<>(this::describe));
        choice.setHelperText(getTranslation("account.contact-person.active-only"));
        FormRules.explainConstraints(choice);
        return choice;
    }

    private Button pencil(String id, String labelKey) {
        Button pencil = new Button(VaadinIcon.PENCIL.create());
        pencil.setId(id);
        pencil.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        pencil.setAriaLabel(getTranslation(labelKey));
        pencil.setTooltipText(getTranslation(labelKey));
        return pencil;
    }

    private String describe(Member member) {
        return member.displayName() + " · " + member.email();
    }
}
