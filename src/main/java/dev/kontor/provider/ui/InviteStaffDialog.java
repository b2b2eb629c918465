package dev.kontor.provider.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.MembershipRole;
import dev.kontor.provider.ProviderStaff;
import dev.kontor.user.UserAccount;

/**
 * Invite person: e-mail address, name and role (support or provider administrator). The answer says the same for
 * every address, since whether a person is known to Kontor, or holds the role already, is nobody's business.
 */
class InviteStaffDialog extends Dialog {

    /** The working copy of the form. */
    static class StaffForm {
        private String email = "";
        private String name = "";
        private MembershipRole role = MembershipRole.SUPPORT;

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        MembershipRole getRole() {
            return role;
        }

        void setRole(MembershipRole role) {
            this.role = role;
        }
    }

    InviteStaffDialog(ProviderStaff staff, Runnable onInvited) {
        setId("invite-staff-dialog");
        setHeaderTitle(getTranslation("staff.invite.title"));
        setWidth("min(34rem, 100vw)");
        Paragraph explained = new Paragraph(getTranslation("staff.invite.explained"));
        explained.addClassName("section-explanation");

        EmailField email = new EmailField(getTranslation("staff.invite.email"));
        email.setId("staff-email");
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        TextField name = new TextField(getTranslation("staff.invite.name"));
        name.setId("staff-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);
        RadioButtonGroup<MembershipRole> role = new RadioButtonGroup<>(getTranslation("staff.invite.role"));
        role.setId("staff-role");
        role.setItems(MembershipRole.SUPPORT, MembershipRole.PROVIDER_ADMINISTRATOR);
        role.setItemLabelGenerator(r -> getTranslation("membership.role." + r));
        role.setRequiredIndicatorVisible(true);

        Binder<StaffForm> binder = new Binder<>();
        binder.forField(email).asRequired(getTranslation("validation.email-required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(StaffForm::getEmail, StaffForm::setEmail);
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.personName(this)).bind(StaffForm::getName, StaffForm::setName);
        binder.forField(role).asRequired(getTranslation("validation.required"))
                .bind(StaffForm::getRole, StaffForm::setRole);
        binder.readBean(new StaffForm());
        add(explained, new FormLayout(email, name, role));
        FormRules.explainConstraints(this);

        Button send = SlowAction.on(new Button(getTranslation("staff.invite.submit")), () -> {
            StaffForm form = new StaffForm();
            if (!FormRules.writeOrFocus(binder, form)) {
                return false;
            }
            InputRefusals refusals = InputRefusals.of(this).field("email", email).field("name", name)
                    .field("role", role);
            if (!refusals.run(() -> staff.invite(form.getEmail(), form.getName(), form.getRole(), getLocale()))) {
                return false;
            }
            Notices.success(getTranslation("staff.invited", form.getEmail()));
            close();
            onInvited.run();
            return true;
        });
        send.setId("send-staff-invitation");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-staff-invitation");
        getFooter().add(cancel, send);
        DialogKeys.enterClicks(this, send);
        DialogKeys.focusOnOpen(this, email);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(email, name));
    }
}
