package dev.kontor.provider.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.PersonForm;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.PartnerRow;
import dev.kontor.user.UserAccount;

/** Invites a further legal representative of a partner; the same answer whatever the address. */
class InviteRepresentativeDialog extends Dialog {

    private final EmailField email = new EmailField();
    private final TextField name = new TextField();

    InviteRepresentativeDialog(PartnerAdministration administration, PartnerRow partner, Runnable onInvited) {
        setId("invite-representative-dialog");
        setHeaderTitle(getTranslation("admin.partner.invite-representative"));
        email.setId("representative-email");
        email.setLabel(getTranslation("admin.partner.representative-email"));
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        name.setId("representative-name");
        name.setLabel(getTranslation("admin.partner.representative-name"));
        name.setHelperText(getTranslation("admin.partner.representative-name.help"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);
        Binder<PersonForm> binder = new Binder<>(PersonForm.class);
        binder.forField(email).asRequired(getTranslation("validation.email-required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(PersonForm::getEmail, PersonForm::setEmail);
        binder.forField(name).asRequired(getTranslation("validation.required")).withValidator(FormRules.personName(this))
                .bind(PersonForm::getName, PersonForm::setName);
        add(new FormLayout(email, name));
        FormRules.explainConstraints(this);

        Button invite = SlowAction.on(new Button(getTranslation("admin.partner.invite")), () -> {
            PersonForm form = new PersonForm();
            if (!FormRules.writeOrFocus(binder, form)) {
                return false;
            }
            InputRefusals refusals = InputRefusals.of(this).field("email", email).field("name", name);
            if (!refusals.run(() -> administration.inviteRepresentative(partner.id(), form.getEmail(), form.getName(),
                    getLocale()))) {
                return false;
            }
            Notices.success(getTranslation("admin.partner.representative-invited", form.getEmail(),
                    partner.name()));
            close();
            onInvited.run();
            return true;
        });
        invite.setId("submit-representative");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, invite);
        DialogKeys.enterClicks(this, invite);
        DialogKeys.focusOnOpen(this, email);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(email, name));
    }
}
