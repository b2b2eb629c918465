package dev.kontor.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.LineBreaks;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.access.AccessPolicyService;
import dev.kontor.access.ui.PartnerAccessSection;
import dev.kontor.contact.ui.ContactsSection;
import dev.kontor.organization.ui.SecondFactorSection;
import dev.kontor.partner.ui.PartnersSection;

/**
 * The account data dialog: master data, the contact person (with the pencil), the managers and the partners. It
 * reads the account through the service when it opens (which refuses anyone without a right to it) and again after
 * every change, so that it always shows what is stored, with the version that the next change must match.
 */
class AccountDataDialog extends Dialog {

    private final AccountService accounts;
    private final ManagerService managers;
    private final CustomerPartnerService partners;
    private final AccessPolicyService accessPolicies;
    private final AccountDialogServices services;
    private final CustomerNumber number;
    private final Runnable onChange;
    private final Div body = new Div();
    /** The header's title: built once, its text said anew whenever the account is read again. */
    private final H2 title;
    private AccountDetails details;
    private MasterDataSection masterData;

    AccountDataDialog(AccountDialogServices services, CustomerNumber number, Runnable onChange, Runnable onClose) {
        this.accounts = services.accounts();
        this.managers = services.managers();
        this.partners = services.partners();
        this.accessPolicies = services.accessPolicies();
        this.services = services;
        this.number = number;
        this.onChange = onChange;
        setId("account-data-dialog");
        addClassName("account-data-dialog");
        setCloseOnOutsideClick(false);
        setDraggable(false);
        setWidth("min(56rem, 100vw)");
        setMaxHeight("100vh");

        // Esc, a click outside and the X lose nothing silently: unsaved master data is asked about first
        Button close = new Button(VaadinIcon.CLOSE.create(),
                click -> DialogKeys.closeOrAsk(this, this::unsavedInput, onClose));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        close.setAriaLabel(getTranslation("action.close"));
        close.setId("close-account-dialog");
        title = LineBreaks.dialogTitle(this);
        getHeader().add(close);
        DialogKeys.askBeforeDiscarding(this, this::unsavedInput, onClose);

        body.addClassName("account-dialog-body");
        add(body);
        refresh();
        // the first control of the account (the company name, or for a reader the contact person's pencil), not the
        // dialog's frame, has the focus when it opens
        DialogKeys.firstFocusable(body).ifPresent(first -> DialogKeys.focusOnOpen(this, first));
    }

    /** Reads the account again and shows it; called after every change made in the dialog. */
    void refresh() {
        details = accounts.details(number);
        LineBreaks.title(this, title, getTranslation("account.dialog.title", details.masterData().companyName(),
                details.customerNumber()), details.customerNumber());
        body.removeAll();
        ContactsSection contacts = new ContactsSection(services.contacts(), services.contactExport(),
                details.accountId(), this::changed);
        contacts.addClassName("dialog-section");
        // read first: the managers' rows mark who has no second factor and offer its reset
        SecondFactorSection secondFactor = new SecondFactorSection(services.secondFactors(), details.accountId(),
                details.masterData().companyName(), this::changed);
        // the account data first, where a person opening "Edit data" looks for them, each section with its own save
        body.add(masterData = new MasterDataSection(accounts, details, this::changed),
                new ContactPersonSection(accounts, details, this::changed),
                new ManagersSection(managers, details, services.contacts().typesOfUsers(details.accountId(),
                        details.managers().stream().map(dev.kontor.organization.Member::userId).toList()),
                        secondFactor, this::changed),
                secondFactor,
                contacts,
                new PartnersSection(partners, details.accountId(), this::changed),
                new PartnerAccessSection(accessPolicies, details.accountId()));
    }

    private boolean unsavedInput() {
        return masterData != null && masterData.hasUnsavedChanges();
    }

    AccountDetails details() {
        return details;
    }

    private void changed() {
        refresh();
        onChange.run();
    }
}
