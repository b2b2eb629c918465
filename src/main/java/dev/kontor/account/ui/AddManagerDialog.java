package dev.kontor.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import dev.kontor.account.ManagerService;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.PersonForm;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.user.UserAccount;

/**
 * Invites a manager by e-mail address and name; everyone gets an invitation and accepts it themselves. A partner
 * working in the account is told first that the person will also need the approval of the account's own managers.
 */
class AddManagerDialog extends Dialog {

    private final EmailField email = new EmailField();
    private final TextField name = new TextField();

    AddManagerDialog(ManagerService managers, long accountId, Runnable onAdded) {
        setId("add-manager-dialog");
        setHeaderTitle(getTranslation("manager.add"));
        email.setId("new-manager-email");
        email.setLabel(getTranslation("manager.email"));
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        name.setId("new-manager-name");
        name.setLabel(getTranslation("manager.name"));
        name.setHelperText(getTranslation("manager.name.help-invite"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);

        Binder<PersonForm> binder = new Binder<>(PersonForm.class);
        binder.forField(email).asRequired(getTranslation("validation.required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(PersonForm::getEmail, PersonForm::setEmail);
        binder.forField(name).asRequired(getTranslation("validation.required")).withValidator(FormRules.personName(this))
                .bind(PersonForm::getName, PersonForm::setName);
        if (managers.invitationsNeedApproval(accountId)) {
            // a partner working in the account learns before inviting that the customer's managers decide after all
            Paragraph approval = new Paragraph(getTranslation("manager.add.needs-approval"));
            approval.setId("add-manager-approval-hint");
            approval.addClassName("hint");
            add(approval);
        }
        add(new FormLayout(email, name));
        FormRules.explainConstraints(this);

        Button add = SlowAction.on(new Button(getTranslation("manager.add.submit")), () -> {
            PersonForm form = new PersonForm();
            if (!FormRules.writeOrFocus(binder, form)) {
                return false;
            }
            InputRefusals refusals = InputRefusals.of(this).field("email", email).field("name", name);
            if (!refusals.run(() -> managers.addManager(accountId, form.getEmail(), form.getName(), getLocale()))) {
                return false;
            }
            // the same words for every address: whether it is known, or a manager already, is nobody's business
            Notices.successAbove(getTranslation("manager.invited", form.getEmail()));
            close();
            onAdded.run();
            return true;
        });
        add.setId("submit-new-manager");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, add);
        DialogKeys.enterClicks(this, add);
        DialogKeys.focusOnOpen(this, email);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(email, name));
    }
}
