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
import dev.kontor.base.ui.SlowAction;
import dev.kontor.provider.NewPartner;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.user.UserAccount;
import java.util.function.LongConsumer;

/**
 * Creates a partner: its name and its first legal representative, who is invited by e-mail. The answer is the same
 * whatever the address.
 */
class NewPartnerDialog extends Dialog {

    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final TextField representative = new TextField();

    NewPartnerDialog(PartnerAdministration administration, LongConsumer onCreated) {
        setId("new-partner-dialog");
        setHeaderTitle(getTranslation("admin.partner.new"));
        name.setId("new-partner-name");
        name.setLabel(getTranslation("admin.partner.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(PartnerAdministration.NAME_MAX_LENGTH);
        email.setId("new-partner-email");
        email.setLabel(getTranslation("admin.partner.representative-email"));
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        representative.setId("new-partner-representative");
        representative.setLabel(getTranslation("admin.partner.representative-name"));
        representative.setHelperText(getTranslation("admin.partner.representative-name.help"));
        representative.setRequiredIndicatorVisible(true);
        representative.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);

        Binder<Form> binder = new Binder<>(Form.class);
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(text -> !text.isBlank(), getTranslation("validation.required"))
                .withValidator(FormRules.plainLine(this))
                .withValidator(FormRules.organizationName(this))
                .bind(Form::getName, Form::setName);
        binder.forField(email).asRequired(getTranslation("validation.email-required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(Form::getEmail, Form::setEmail);
        binder.forField(representative).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.personName(this))
                .bind(Form::getRepresentative, Form::setRepresentative);
        add(new FormLayout(name, email, representative));
        FormRules.explainConstraints(this);

        Button create = SlowAction.on(new Button(getTranslation("admin.partner.create")), () -> {
            Form form = new Form();
            if (!FormRules.writeOrFocus(binder, form)) {
                return false;
            }
            InputRefusals refusals = InputRefusals.of(this).field("name", name).field("representativeEmail", email)
                    .field("representativeName", representative);
            Long partnerId = refusals.call(() -> administration.createPartner(new NewPartner(form.getName(),
                    form.getEmail(), form.getRepresentative()), getLocale())).orElse(null);
            if (partnerId == null) {
                return false;
            }
            Notices.success(getTranslation("admin.partner.created", form.getName(), form.getEmail()));
            close();
            onCreated.accept(partnerId);
            return true;
        });
        create.setId("submit-new-partner");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, create);
        DialogKeys.enterClicks(this, create);
        DialogKeys.focusOnOpen(this, name);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(name, email, representative));
    }

    /** The form's working copy. */
    public static class Form {
        private String name = "";
        private String email = "";
        private String representative = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getRepresentative() {
            return representative;
        }

        public void setRepresentative(String representative) {
            this.representative = representative;
        }
    }
}
