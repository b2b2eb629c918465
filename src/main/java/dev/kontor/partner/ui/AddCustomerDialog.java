package dev.kontor.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.binder.Binder;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.NewCustomer;
import dev.kontor.partner.PartnerService;
import dev.kontor.user.UserAccount;
import java.util.EnumSet;

/** Add customer: the company, its first manager's e-mail and name, and the rights asked for. */
class AddCustomerDialog extends Dialog {

    private final TextField companyName = new TextField();
    private final EmailField managerEmail = new EmailField();
    private final TextField managerName = new TextField();
    private final RightsField rights;

    AddCustomerDialog(PartnerService partners, long partnerId, Runnable onAdded) {
        setId("add-customer-dialog");
        setHeaderTitle(getTranslation("partner.add-customer"));
        setWidth("min(36rem, 100vw)");
        companyName.setId("new-customer-name");
        companyName.setLabel(getTranslation("partner.add-customer.company"));
        companyName.setMaxLength(Organization.NAME_MAX_LENGTH);
        companyName.setRequiredIndicatorVisible(true);
        managerEmail.setId("new-customer-manager-email");
        managerEmail.setLabel(getTranslation("partner.add-customer.manager-email"));
        managerEmail.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        managerEmail.setRequiredIndicatorVisible(true);
        managerName.setId("new-customer-manager-name");
        managerName.setLabel(getTranslation("partner.add-customer.manager-name"));
        managerName.setHelperText(getTranslation("manager.name.help-invite"));
        managerName.setRequiredIndicatorVisible(true);
        managerName.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);
        rights = new RightsField(getTranslation("partner.requested-rights"), EnumSet.of(OrganizationRight.VIEW));
        rights.setId("new-customer-rights");

        Binder<NewCustomerForm> binder = new Binder<>(NewCustomerForm.class);
        binder.forField(companyName).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.maxLength(this, Organization.NAME_MAX_LENGTH))
                .withValidator(FormRules.organizationName(this))
                .bind(NewCustomerForm::getCompanyName, NewCustomerForm::setCompanyName);
        binder.forField(managerEmail).asRequired(getTranslation("validation.required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(NewCustomerForm::getManagerEmail, NewCustomerForm::setManagerEmail);
        binder.forField(managerName).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.personName(this))
                .bind(NewCustomerForm::getManagerName, NewCustomerForm::setManagerName);

        Paragraph explanation = new Paragraph(getTranslation("partner.add-customer.explanation"));
        explanation.addClassName("section-explanation");
        FormLayout form = new FormLayout(companyName, managerEmail, managerName, rights);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(explanation, form);
        FormRules.explainConstraints(form);

        Button add = SlowAction.on(new Button(getTranslation("partner.add-customer.submit")), () -> {
            NewCustomerForm input = new NewCustomerForm();
            if (!FormRules.writeOrFocus(binder, input)) {
                return false;
            }
            InputRefusals refusals = InputRefusals.of(this).field("companyName", companyName)
                    .field("managerEmail", managerEmail).field("managerName", managerName).field("rights", rights);
            if (!refusals.run(() -> partners.addCustomer(partnerId, new NewCustomer(input.getCompanyName(),
                    input.getManagerEmail(), input.getManagerName(), rights.getValue()), getLocale()))) {
                return false;
            }
            Notices.success(getTranslation("partner.add-customer.done", input.getManagerEmail()));
            close();
            onAdded.run();
            return true;
        });
        add.setId("submit-new-customer");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), add);
        DialogKeys.enterClicks(this, add);
        DialogKeys.focusOnOpen(this, companyName);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(companyName, managerEmail, managerName, rights));
    }

    /** The form's working copy. */
    public static class NewCustomerForm {
        private String companyName = "";
        private String managerEmail = "";
        private String managerName = "";

        public String getCompanyName() {
            return companyName;
        }

        public void setCompanyName(String companyName) {
            this.companyName = companyName;
        }

        public String getManagerEmail() {
            return managerEmail;
        }

        public void setManagerEmail(String managerEmail) {
            this.managerEmail = managerEmail;
        }

        public String getManagerName() {
            return managerName;
        }

        public void setManagerName(String managerName) {
            this.managerName = managerName;
        }
    }
}
