package dev.kontor.account.ui;

import com.vaadin.flow.component.Component;
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
        Button pencil = pencil("edit-contact-person", "account.contact-person.edit");
        // the choice is built when the pencil is clicked and dropped again on cancel: a session that only looks at
        // the dialog keeps no combo box, no buttons and no list of managers for it
        pencil.addClickListener(click -> {
            if (details.activeManagers().size() < 2) {
                if (row.getChildren().noneMatch(child -> "contact-person-hint".equals(child.getId().orElse(null)))) {
                    Paragraph hint = new Paragraph(getTranslation("account.contact-person.add-manager-first"));
                    hint.setId("contact-person-hint");
                    hint.addClassName("hint");
                    row.add(hint);
                }
                return;
            }
            ComboBox<Member> choice = managerChoice("contact-person-choice", "account.contact-person",
                    details.activeManagers());
            details.contactPerson().ifPresent(choice::setValue);
            Button save = new Button(getTranslation("action.save"));
            save.setId("save-contact-person");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("action.cancel"));
            cancel.setId("cancel-contact-person");
            Div editor = new Div(choice, save, cancel);
            editor.addClassName("choice-editor");
            cancel.addClickListener(cancelled -> {
                row.remove(editor);
                display.setVisible(true);
                pencil.setVisible(true);
            });
            save.addClickListener(saved -> {
                if (choice.getValue() == null) {
                    choice.setErrorMessage(getTranslation("validation.required"));
                    choice.setInvalid(true);
                    return;
                }
                accounts.changeContactPerson(details.accountId(), details.version(), choice.getValue().userId());
                onSaved.run();
            });
            display.setVisible(false);
            pencil.setVisible(false);
            row.addComponentAtIndex(1, editor);
            choice.focus();
        });
        value.add(pencil);
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
        Button pencil = pencil("edit-deputy", "account.deputy.edit");
        // built on the pencil's click, like the contact person's choice
        pencil.addClickListener(click -> {
            ComboBox<Member> choice = managerChoice("deputy-choice", "account.deputy", candidates);
            choice.setClearButtonVisible(true);
            choice.setPlaceholder(getTranslation("account.deputy.none"));
            details.deputy().ifPresent(choice::setValue);
            Button save = new Button(getTranslation("action.save"), saved -> {
                accounts.changeDeputy(details.accountId(), details.version(),
                        choice.getValue() == null ? null : choice.getValue().userId());
                onSaved.run();
            });
            save.setId("save-deputy");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("action.cancel"));
            Div editor = new Div(choice, save, cancel);
            editor.addClassName("choice-editor");
            cancel.addClickListener(cancelled -> {
                row.remove(editor);
                display.setVisible(true);
                pencil.setVisible(true);
            });
            display.setVisible(false);
            pencil.setVisible(false);
            row.add(editor);
        });
        value.add(pencil);
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

    private ComboBox<Member> managerChoice(String id, String labelKey, List<Member> candidates) {
        ComboBox<Member> choice = new ComboBox<>(getTranslation(labelKey));
        choice.setId(id);
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
