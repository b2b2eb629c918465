package dev.kontor.tenant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.PersonForm;
import dev.kontor.tenant.TenantAdministrators;
import dev.kontor.user.UserAccount;

/**
 * Add administrator: the person's e-mail (their user name) and name. Kontor sends them a one-time activation link
 * with which they choose their own password; nobody else ever knows it. The dialog says how many administrators
 * there are and recommends keeping them few, and tells a partner working in a customer's tenant that the person will
 * also need the approval of the tenant's administrators or the customer's managers.
 */
class AddAdministratorDialog extends Dialog {

    AddAdministratorDialog(TenantAdministrators administrators, long tenantId, String tenantName,
                           int activeAdministrators, Runnable onAdded) {
        setId("add-administrator-dialog");
        // names an organization: one line, cut, whole in its tooltip and the dialog's accessible name
        dev.kontor.base.ui.LineBreaks.title(this, getTranslation("tenant.admin.add.title", tenantName));
        setWidth("min(34rem, 100vw)");

        Paragraph count = new Paragraph(activeAdministrators == 0 ? getTranslation("tenant.admin.none-yet")
                : getTranslation("tenant.admin.count", activeAdministrators));
        count.setId("administrator-count");
        Paragraph advice = new Paragraph(getTranslation("tenant.admin.advice",
                TenantAdministrators.RECOMMENDED_MAXIMUM));
        advice.addClassName("section-explanation");

        EmailField email = new EmailField(getTranslation("tenant.admin.email"));
        email.setId("administrator-email");
        email.setHelperText(getTranslation("tenant.admin.email.help"));
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        TextField name = new TextField(getTranslation("tenant.admin.name"));
        name.setId("administrator-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);

        Binder<PersonForm> binder = new Binder<>(PersonForm.class);
        binder.forField(email).asRequired(getTranslation("validation.required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(PersonForm::getEmail, PersonForm::setEmail);
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.personName(this)).bind(PersonForm::getName, PersonForm::setName);
        add(count, advice);
        if (administrators.invitationsNeedApproval(tenantId)) {
            // a partner working in the customer's tenants learns before inviting that the customer's people decide
            Paragraph approval = new Paragraph(getTranslation("tenant.admin.add.needs-approval"));
            approval.setId("add-administrator-approval-hint");
            approval.addClassName("hint");
            add(approval);
        }
        add(new FormLayout(email, name));
        FormRules.explainConstraints(this);

        Button send = SlowAction.on(new Button(getTranslation("tenant.admin.send")), () -> {
            PersonForm form = new PersonForm();
            if (!FormRules.writeOrFocus(binder, form)) {
                return false;
            }
            InputRefusals refusals = InputRefusals.of(this).field("email", email).field("name", name);
            if (!refusals.run(() -> administrators.add(tenantId, form.getEmail(), form.getName(), getLocale()))) {
                return false;
            }
            // the same words for every address: whether it is known, or an administrator already, is nobody's business
            Notices.success(getTranslation("tenant.admin.sent", form.getEmail()));
            close();
            onAdded.run();
            return true;
        });
        send.setId("send-activation");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, send);
        DialogKeys.enterClicks(this, send);
        DialogKeys.focusOnOpen(this, email);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(email, name));
    }
}
