package dev.kontor.provider.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.account.MasterData;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import dev.kontor.base.ui.CountryChoice;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.provider.AccountAdministration;
import dev.kontor.provider.CreatedAccount;
import dev.kontor.provider.NewAccount;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.PartnerRow;
import dev.kontor.user.UserAccount;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creates a customer account: number (empty for the next free one), name, address, first manager, and a partner to
 * attach it to or none. The service checks everything; its refusals appear next to their fields.
 */
class NewAccountDialog extends Dialog {

    NewAccountDialog(AccountAdministration accounts, PartnerAdministration partners, Consumer<CreatedAccount> onCreated) {
        setId("new-account-dialog");
        setHeaderTitle(getTranslation("admin.account.new"));
        TextField number = field("new-account-number", "admin.account.number", CustomerNumber.MAX_LENGTH);
        number.setHelperText(getTranslation("admin.account.number.help"));
        TextField name = field("new-account-name", "admin.account.name", AccountAdministration.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        TextField street = field("new-account-street", "account.street", MasterData.STREET_MAX);
        TextField postalCode = field("new-account-postal-code", "account.postal-code", MasterData.POSTAL_CODE_MAX);
        TextField city = field("new-account-city", "account.city", MasterData.CITY_MAX);
        CountryChoice country = new CountryChoice(getTranslation("account.country"));
        country.setId("new-account-country");
        EmailField email = new EmailField(getTranslation("admin.account.manager-email"));
        email.setId("new-account-manager-email");
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        TextField managerName = field("new-account-manager-name", "admin.account.manager-name",
                UserAccount.DISPLAY_NAME_MAX_LENGTH);
        managerName.setRequiredIndicatorVisible(true);
        ComboBox<PartnerRow> partner = PartnerChoice.partners(partners, getTranslation("admin.account.partner"));
        partner.setId("new-account-partner");
        partner.setHelperText(getTranslation("admin.account.partner.help"));
        CheckboxGroup<OrganizationRight> rights = PartnerChoice.rights(getTranslation("admin.account.partner-rights"));
        rights.setId("new-account-rights");
        rights.setVisible(false);
        partner.addValueChangeListener(event -> rights.setVisible(event.getValue() != null));

        // the form is the service's NewAccount itself: every field is checked when Create is pressed, so that each
        // mistake is named next to its field at once instead of one per attempt; the service checks all of them again
        Binder<NewAccount> binder = new Binder<>(NewAccount.class);
        binder.forField(number).withValidator(FormRules.accepted(this,
                        typed -> CustomerNumber.parse(typed).isPresent(), "validation.customer-number"))
                .bind("customerNumber");
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(text -> !text.isBlank(), getTranslation("validation.required"))
                .withValidator(FormRules.organizationName(this))
                .bind("name");
        binder.forField(street).withValidator(FormRules.noMarkup(this)).bind("street");
        binder.forField(postalCode)
                .withValidator(FormRules.matches(this, MasterData.POSTAL_CODE, "validation.postal-code"))
                .bind("postalCode");
        binder.forField(city).withValidator(FormRules.noMarkup(this)).bind("city");
        binder.forField(country).bind("country");
        binder.forField(email).asRequired(getTranslation("validation.email-required"))
                .withValidator(text -> !text.isBlank(), getTranslation("validation.email-required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind("managerEmail");
        binder.forField(managerName).asRequired(getTranslation("validation.required"))
                .withValidator(text -> !text.isBlank(), getTranslation("validation.required"))
                .withValidator(FormRules.personName(this))
                .bind("managerName");
        // the form never reads an account back, so the way from an id to a partner is not needed
        binder.forField(partner).withConverter(row -> row == null ? null : row.id(), id -> null)
                .bind("partnerId");
        // rights count only with a partner chosen
        binder.forField(rights)
                .withValidator(chosen -> partner.getValue() == null || !chosen.isEmpty(),
                        getTranslation("partner.rights-required"))
                .withConverter(chosen -> partner.getValue() == null ? null : chosen,
                        kept -> kept == null ? Set.<OrganizationRight>of() : kept)
                .bind("partnerRights");
        FormLayout form = new FormLayout(number, name, street, postalCode, city, country, email, managerName, partner,
                rights);
        add(form);
        FormRules.explainConstraints(this);

        Button create = SlowAction.on(new Button(getTranslation("admin.account.create")), () -> {
            NewAccount input = FormRules.recordOrFocus(binder).orElse(null);
            if (input == null) {
                return false;
            }
            InputRefusals refusals = InputRefusals.of(this).field("customerNumber", number).field("name", name)
                    .field("street", street).field("postalCode", postalCode).field("city", city)
                    .field("country", country).field("managerEmail", email).field("managerName", managerName)
                    .field("partnerId", partner).field("partnerRights", rights);
            CreatedAccount created = refusals.call(() -> accounts.createAccount(input, getLocale())).orElse(null);
            if (created == null) {
                return false;
            }
            Notices.success(getTranslation("admin.account.created", name.getValue(), created.customerNumber(),
                    email.getValue()));
            close();
            onCreated.accept(created);
            return true;
        });
        create.setId("submit-new-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, create);
        DialogKeys.enterClicks(this, create);
        DialogKeys.focusOnOpen(this, number);
        DialogKeys.askBeforeDiscarding(this, DialogKeys.changedFrom(number, name, street, postalCode, city, country,
                email, managerName));
    }

    private TextField field(String id, String labelKey, int maxLength) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(maxLength);
        return field;
    }
}
