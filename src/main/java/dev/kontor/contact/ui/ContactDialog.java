package dev.kontor.contact.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import dev.kontor.base.ui.ChangedMeanwhile;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.organization.Member;

/**
 * Add contact (or edit one): an existing user of the organization, or a person without access; first and last name
 * and business e-mail required, phone and job title optional, one or more contact types, each explained. A linked
 * contact's new e-mail address waits for confirmation by the new address.
 */
class ContactDialog extends Dialog {

    private enum Who { USER, PERSON }

    private final RadioButtonGroup<Who> who = new RadioButtonGroup<>();
    private final ComboBox<Member> user = new ComboBox<>();
    private final TextField firstName = new TextField();
    private final TextField lastName = new TextField();
    private final EmailField email = new EmailField();
    private final TextField phone = new TextField();
    private final TextField jobTitle = new TextField();
    private final CheckboxGroup<ContactType> types = new CheckboxGroup<>();
    /** The contact as last read (editing): its version goes with Save, and "Show current values" reads it again. */
    private ContactRow shown;
    private final ChangedMeanwhile meanwhile;

    ContactDialog(ContactService contacts, long organizationId, ContactRow existing, Runnable onSaved) {
        setId("contact-dialog");
        setHeaderTitle(getTranslation(existing == null ? "contact.add" : "contact.edit"));
        setWidth("min(40rem, 100vw)");

        firstName.setId("contact-first-name");
        firstName.setLabel(getTranslation("contact.first-name"));
        firstName.setMaxLength(ContactService.NAME_MAX_LENGTH);
        firstName.setRequiredIndicatorVisible(true);
        lastName.setId("contact-last-name");
        lastName.setLabel(getTranslation("contact.last-name"));
        lastName.setMaxLength(ContactService.NAME_MAX_LENGTH);
        lastName.setRequiredIndicatorVisible(true);
        email.setId("contact-email");
        email.setLabel(getTranslation("contact.email"));
        email.setMaxLength(ContactService.EMAIL_MAX_LENGTH);
        email.setRequiredIndicatorVisible(true);
        phone.setId("contact-phone");
        phone.setLabel(getTranslation("contact.phone"));
        phone.setHelperText(getTranslation("contact.phone.help"));
        phone.setMaxLength(ContactService.PHONE_MAX_LENGTH);
        jobTitle.setId("contact-job-title");
        jobTitle.setLabel(getTranslation("contact.job-title"));
        jobTitle.setMaxLength(ContactService.JOB_TITLE_MAX_LENGTH);
        types.setId("contact-types");
        types.setLabel(getTranslation("contact.types"));
        types.setItems(ContactType.values());
        types.setItemLabelGenerator(type -> getTranslation("contact.type." + type + ".explained"));
        // Vaadin's required indicator sets aria-required on the group, which ARIA allows on the boxes' inputs but not on
        // role=group (axe: aria-allowed-attr). So the group keeps Vaadin's required property off and shows the same
        // mark through its class (styles.css, hidden from screen readers), and its description, read with its name,
        // says in words that a choice is required; none chosen puts the message below the boxes (the binder).
        types.addClassName("required-group");
        types.setHelperText(getTranslation("contact.types.required-help"));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        if (existing == null) {
            who.setId("contact-who");
            who.setLabel(getTranslation("contact.who"));
            who.setItems(Who.values());
            who.setItemLabelGenerator(choice -> getTranslation("contact.who." + choice));
            who.setValue(Who.PERSON);
            user.setId("contact-user");
            user.setLabel(getTranslation("contact.user"));
            user.setItems(contacts.users(organizationId));
            user.setItemLabelGenerator(member -> member.displayName() + " (" + member.email() + ")");
            user.setVisible(false);
            who.addValueChangeListener(event -> {
                boolean fromUser = event.getValue() == Who.USER;
                user.setVisible(fromUser);
                email.setReadOnly(fromUser);
            });
            user.addValueChangeListener(event -> takeOver(event.getValue()));
            form.add(who, user);
            form.setColspan(who, 2);
            form.setColspan(user, 2);
        } else if (existing.linked()) {
            email.setHelperText(getTranslation("contact.email.linked-help"));
        }
        form.add(firstName, lastName, email, phone, jobTitle, types);
        form.setColspan(types, 2);
        add(form);
        FormRules.explainConstraints(form);

        Binder<ContactInput> binder = new Binder<>();
        binder.forField(firstName).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.personName(this)).bind(ContactInput::getFirstName, ContactInput::setFirstName);
        binder.forField(lastName).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.personName(this)).bind(ContactInput::getLastName, ContactInput::setLastName);
        binder.forField(email).asRequired(getTranslation("validation.required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(ContactInput::getEmail, ContactInput::setEmail);
        // checked when the field is left, as the e-mail is, not only when Save is pressed
        binder.forField(phone).withValidator(FormRules.phone(this))
                .bind(ContactInput::getPhone, ContactInput::setPhone);
        binder.forField(jobTitle).bind(ContactInput::getJobTitle, ContactInput::setJobTitle);
        binder.forField(types).withValidator(chosen -> chosen != null && !chosen.isEmpty(),
                getTranslation("contact.types.required")).bind(ContactInput::getTypes, ContactInput::setTypes);
        this.shown = existing;
        if (existing != null) {
            binder.readBean(ContactInput.of(existing));
        }
        // editing only: a new contact has no earlier version anyone could have saved meanwhile
        meanwhile = existing == null ? null : new ChangedMeanwhile(binder, () -> {
            shown = contacts.contact(organizationId, shown.id());
            binder.readBean(ContactInput.of(shown));
        });
        if (meanwhile != null) {
            // next to the form, right above Save
            add(meanwhile);
            // the list behind shows the contact as it is now, or no more, once the dialog closes after a refusal
            addOpenedChangeListener(event -> {
                if (!event.isOpened() && meanwhile.isVisible()) {
                    onSaved.run();
                }
            });
        }

        Button save = new Button(getTranslation(existing == null ? "contact.add" : "action.save"));
        SlowAction.on(save, () -> {
            ContactInput input = new ContactInput();
            if (!FormRules.writeOrFocus(binder, input)) {
                return false;
            }
            Long userId = existing == null && who.getValue() == Who.USER && user.getValue() != null
                    ? user.getValue().userId() : null;
            NewContact request = input.request(userId);
            InputRefusals refusals = InputRefusals.of(this).field("firstName", firstName).field("lastName", lastName)
                    .field("email", email).field("phone", phone).field("jobTitle", jobTitle).field("types", types)
                    .field("user", user);
            ContactRow before = shown;
            ContactRow saved = (before == null ? refusals.call(() -> contacts.add(organizationId, request))
                    : meanwhile.call(() -> refusals.rulesShownBy(meanwhile::gone).call(() ->
                            contacts.change(organizationId, before.id(), request, before.version(), getLocale()))))
                    .orElse(null);
            if (saved == null) {
                return false;
            }
            String message = saved.pendingEmail() != null && (before == null
                    || !saved.pendingEmail().equals(before.pendingEmail()))
                    ? getTranslation("contact.email.pending-sent", saved.pendingEmail())
                    : getTranslation("contact.saved", saved.name());
            Notices.success(message);
            close();
            onSaved.run();
            return true;
        });
        save.setId("save-contact");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);
        if (existing == null) {
            Paragraph explained = new Paragraph(getTranslation("contact.add.explained"));
            explained.addClassName("section-explanation");
            addComponentAsFirst(explained);
        }
        // Enter in the user choice's open list picks a user (the list keeps that Enter); elsewhere it saves
        DialogKeys.enterClicks(this, save);
        // "a person without access" is chosen already: typing starts with the name
        DialogKeys.focusOnOpen(this, firstName);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(who, user, firstName, lastName, email, phone,
                jobTitle, types));
    }

    /** A user's name and address fill the form; the name is split at its last space, which one may correct. */
    private void takeOver(Member member) {
        if (member == null) {
            return;
        }
        String name = member.displayName().strip();
        int split = name.lastIndexOf(' ');
        firstName.setValue(split > 0 ? name.substring(0, split) : name);
        lastName.setValue(split > 0 ? name.substring(split + 1) : "");
        email.setValue(member.email());
    }
}
