package dev.kontor.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.account.MasterData;
import dev.kontor.base.ui.ChangedMeanwhile;
import dev.kontor.base.ui.CountryChoice;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.organization.CustomerNumber;

/** The account's master data: company name, address, billing e-mail and out-of-hours number. */
class MasterDataSection extends Section {

    private final TextField companyName = new TextField();
    private final TextField street = new TextField();
    private final TextField postalCode = new TextField();
    private final TextField city = new TextField();
    private final CountryChoice country = new CountryChoice("");
    private final EmailField billingEmail = new EmailField();
    private final TextField emergencyPhone = new TextField();
    private final Binder<MasterDataBean> binder = new Binder<>(MasterDataBean.class);
    private final AccountService accounts;
    /** The account as last read: its version goes with Save, and "Show current values" reads it again. */
    private AccountDetails details;
    private final Runnable onSaved;
    private final ChangedMeanwhile meanwhile;

    MasterDataSection(AccountService accounts, AccountDetails details, Runnable onSaved) {
        this.accounts = accounts;
        this.details = details;
        this.onSaved = onSaved;
        setId("master-data");
        addClassName("dialog-section");
        add(new H3(getTranslation("account.master-data")));

        companyName.setId("company-name");
        companyName.setLabel(getTranslation("account.company-name"));
        companyName.setMaxLength(MasterData.COMPANY_NAME_MAX);
        companyName.setRequiredIndicatorVisible(true);
        street.setLabel(getTranslation("account.street"));
        street.setMaxLength(MasterData.STREET_MAX);
        postalCode.setId("postal-code");
        postalCode.setLabel(getTranslation("account.postal-code"));
        postalCode.setMaxLength(MasterData.POSTAL_CODE_MAX);
        city.setLabel(getTranslation("account.city"));
        city.setMaxLength(MasterData.CITY_MAX);
        country.setLabel(getTranslation("account.country"));
        billingEmail.setId("billing-email");
        billingEmail.setLabel(getTranslation("account.billing-email"));
        billingEmail.setMaxLength(MasterData.EMAIL_MAX);
        emergencyPhone.setId("emergency-phone");
        emergencyPhone.setLabel(getTranslation("account.emergency-phone"));
        emergencyPhone.setHelperText(getTranslation("account.emergency-phone.help"));
        emergencyPhone.setMaxLength(MasterData.PHONE_MAX);

        binder.forField(companyName)
                .asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.maxLength(this, MasterData.COMPANY_NAME_MAX))
                .withValidator(FormRules.organizationName(this))
                .bind(MasterDataBean::getCompanyName, MasterDataBean::setCompanyName);
        binder.forField(street).withValidator(FormRules.noMarkup(this))
                .bind(MasterDataBean::getStreet, MasterDataBean::setStreet);
        binder.forField(postalCode)
                .withValidator(FormRules.matches(this, MasterData.POSTAL_CODE, "validation.postal-code"))
                .bind(MasterDataBean::getPostalCode, MasterDataBean::setPostalCode);
        binder.forField(city).withValidator(FormRules.noMarkup(this))
                .bind(MasterDataBean::getCity, MasterDataBean::setCity);
        binder.forField(country).bind(MasterDataBean::getCountry, MasterDataBean::setCountry);
        binder.forField(billingEmail)
                .withValidator(new EmailValidator(getTranslation("validation.email"), true))
                .bind(MasterDataBean::getBillingEmail, MasterDataBean::setBillingEmail);
        binder.forField(emergencyPhone).withValidator(FormRules.matches(this, MasterData.PHONE, "validation.phone"))
                .bind(MasterDataBean::getEmergencyPhone, MasterDataBean::setEmergencyPhone);
        binder.readBean(MasterDataBean.of(details.masterData()));

        meanwhile = new ChangedMeanwhile(binder, this::readCurrent);

        FormLayout form = new FormLayout(companyName, street, postalCode, city, country, billingEmail,
                emergencyPhone);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(companyName, 2);
        form.setColspan(street, 2);
        add(form);
        FormRules.explainConstraints(form);
        // below the fields, above Save: where the person looks after pressing it
        add(meanwhile);

        boolean editable = details.viewerMayEditMasterData();
        binder.setReadOnly(!editable);
        if (editable) {
            // named for what it saves: the contact person and the deputy have Save buttons of their own
            Button save = new Button(getTranslation("account.master-data.save"), click -> save());
            save.setId("save-master-data");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            // Enter in any field saves, as in the dialogs; an invalid field then takes the focus back
            save.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(form);
            Button cancel = new Button(getTranslation("action.cancel"), click -> meanwhile.discard());
            cancel.setId("cancel-master-data");
            Div buttons = new Div(save, cancel);
            buttons.addClassName("section-buttons");
            add(buttons);
        }
    }

    /** Whether the form holds edits that are not saved yet. */
    boolean hasUnsavedChanges() {
        // a refused Save wrote the input out and so ended the binder's record of changes: the input is unsaved still
        return binder.hasChanges() || meanwhile.isVisible();
    }

    private void save() {
        MasterDataBean bean = new MasterDataBean();
        if (!FormRules.writeOrFocus(binder, bean)) {
            return;
        }
        if (!meanwhile.saved(() -> refusals().run(() -> accounts.updateMasterData(details.accountId(),
                details.version(), bean.toRecord())))) {
            return;
        }
        Notices.success(getTranslation("account.saved"));
        onSaved.run();
    }

    private void readCurrent() {
        details = accounts.details(new CustomerNumber(details.customerNumber()));
        binder.readBean(MasterDataBean.of(details.masterData()));
    }

    private InputRefusals refusals() {
        return InputRefusals.of(this).field("companyName", companyName).field("street", street)
                .field("postalCode", postalCode).field("city", city).field("country", country)
                .field("billingEmail", billingEmail).field("emergencyPhone", emergencyPhone);
    }
}
