package dev.kontor.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
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
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.base.ui.FormRules;
import dev.kontor.organization.Member;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The contact person (and the deputy), read-only until the pencil turns them into a choice of the account's active
 * managers; and the "still correct?" confirmation of the contact data.
 */
class ContactPersonSection extends Section {

    private final AccountService accounts;
    private final AccountDetails details;
    private final Runnable onSaved;

    ContactPersonSection(AccountService accounts, AccountDetails details, Runnable onSaved) {
        this.accounts = accounts;
        this.details = details;
        this.onSaved = onSaved;
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
        chooserKeys(editor, choice, save, cancel);

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
        save.addClickListener(click -> {
            if (choice.getValue() == null) {
                choice.setErrorMessage(getTranslation("validation.required"));
                choice.setInvalid(true);
                return;
            }
            accounts.changeContactPerson(details.accountId(), details.version(), choice.getValue().userId());
            onSaved.run();
        });
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
        Button save = new Button(getTranslation("account.deputy.save"), click -> {
            accounts.changeDeputy(details.accountId(), details.version(),
                    choice.getValue() == null ? null : choice.getValue().userId());
            onSaved.run();
        });
        save.setId("save-deputy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"));
        cancel.setId("cancel-deputy");
        Div editor = new Div(choice, save, cancel);
        editor.addClassName("choice-editor");
        editor.setVisible(false);
        chooserKeys(editor, choice, save, cancel);
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
     * The chooser's keys: the arrow keys and Enter in the open list are the combo box's own (Enter picks the
     * highlighted manager); Enter on a closed list saves; Esc on a closed list closes the chooser alone, as Cancel,
     * and goes no further, so the dialog with whatever else was typed in it stays open (an open list takes its Esc
     * for itself and only closes).
     */
    private static void chooserKeys(Div editor, ComboBox<Member> choice, Button save, Button cancel) {
        save.addClickShortcut(Key.ENTER).listenOn(choice);
        cancel.addClickShortcut(Key.ESCAPE).listenOn(editor);
    }

    private ComboBox<Member> managerChoice(String id, String labelKey, List<Member> candidates) {
        ComboBox<Member> choice = new ComboBox<>(getTranslation(labelKey));
        choice.setId(id);
        // "Name · address" whole, in the field and in the list, on a laptop and on a phone
        choice.addClassName("manager-choice");
        choice.setOverlayWidth("min(40rem, calc(100vw - 2rem))");
        choice.setItems(candidates);
        choice.setItemLabelGenerator(this::describe);
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
