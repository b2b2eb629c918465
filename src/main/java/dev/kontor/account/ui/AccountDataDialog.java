package dev.kontor.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.dom.Element;
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
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

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
    /** The sections the person has opened in this dialog, by key. */
    private final Set<String> opened = new HashSet<>();

    static final String CONTACT_PERSON = "contact-person";
    static final String MANAGERS = "managers";
    static final String CONTACTS = "contacts";
    static final String PARTNERS = "partners";

    AccountDataDialog(AccountDialogServices services, CustomerNumber number, Runnable onChange, Runnable onClose) {
        this(services, number, onChange, onClose, false);
    }

    /**
     * {@code atConfirmation}: opened from the dashboard's overdue mark, the dialog opens on the confirmation of the
     * contact data (its Confirm button, or for a reader the contact person's section), far below the account data
     * on a phone; otherwise on the account data's first field.
     */
    AccountDataDialog(AccountDialogServices services, CustomerNumber number, Runnable onChange, Runnable onClose,
                      boolean atConfirmation) {
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
        // the dashboard asks to confirm overdue contact data: the dialog opens where that is done
        if (atConfirmation || (details.confirmationOverdue() && details.viewerMayManageUsers())) {
            opened.add(CONTACT_PERSON);
            refresh();
        }
        // the first control of the account (the company name, or for a reader the contact person's pencil), not the
        // dialog's frame, has the focus when it opens; the browser scrolls the dialog to what takes the focus
        Component start = atConfirmation ? body.getChildren().filter(ContactPersonSection.class::isInstance)
                .findFirst().map(section -> confirmationStart((ContactPersonSection) section)).orElse(body) : body;
        DialogKeys.firstFocusable(start).or(() -> DialogKeys.firstFocusable(body))
                .ifPresent(first -> DialogKeys.focusOnOpen(this, first));
    }

    /** Reads the account again and shows it; called after every change made in the dialog. */
    void refresh() {
        details = accounts.details(number);
        LineBreaks.title(this, title, getTranslation("account.dialog.title", details.masterData().companyName(),
                details.customerNumber()), details.customerNumber());
        body.removeAll();
        if (!details.viewerMayEditMasterData()) {
            // fields that cannot be changed say why, once, at the top: greyed-out fields alone leave a person guessing
            com.vaadin.flow.component.html.Paragraph readOnly = new com.vaadin.flow.component.html.Paragraph(
                    getTranslation("account.dialog.read-only", getTranslation("right.ADMIN")));
            readOnly.setId("account-read-only");
            readOnly.addClassNames("hint", "read-only-note");
            body.add(readOnly);
        }
        // the account data first, where a person opening "Edit data" looks for them, each section with its own save;
        // the others are built when the person opens them, and stay open (rebuilt with the account) after a change
        body.add(masterData = new MasterDataSection(accounts, details, this::changed));
        addSection(CONTACT_PERSON, "account.contact-person",
                () -> new Component[] {new ContactPersonSection(accounts, details, this::changed,
                        this::changedAt)});
        addSection(MANAGERS, "account.managers", () -> {
            // read first: the managers' rows mark who has no second factor and offer its reset
            SecondFactorSection secondFactor = new SecondFactorSection(services.secondFactors(),
                    details.accountId(), details.masterData().companyName(), details.viewerUserId(), this::changed);
            return new Component[] {new ManagersSection(managers, details, services.contacts().typesOfUsers(
                    details.accountId(), details.managers().stream().map(dev.kontor.organization.Member::userId)
                            .toList()), secondFactor, this::changedAt), secondFactor};
        });
        addSection(CONTACTS, "contact.title", () -> {
            ContactsSection contacts = new ContactsSection(services.contacts(), services.contactExport(),
                    details.accountId(), this::changed);
            contacts.addClassName("dialog-section");
            return new Component[] {contacts};
        });
        // the partners with the rules for their access to the account: one heading, which the budget of elements
        // per session (200 KB at about 1.4 KB each) leaves room for
        addSection(PARTNERS, "customer-partners.title",
                () -> new Component[] {new PartnersSection(partners, details.accountId(), this::changed),
                        new PartnerAccessSection(accessPolicies, details.accountId())});
    }

    /**
     * A section of the dialog: built at once if the person has opened it, otherwise only its heading, a button that
     * builds it. A session keeps every element it shows on the server (about 1.4 KB each), and the dialog's sections
     * together are some 200 elements, most of them never looked at in a visit; the heading keeps each findable (by
     * reading, by a screen reader's list of headings, by Tab) at the cost of one click.
     */
    private void addSection(String key, String titleKey, Supplier<Component[]> build) {
        if (opened.contains(key)) {
            body.add(build.get());
            return;
        }
        H3 heading = new H3();
        heading.setId("folded-" + key);
        heading.addClassNames("dialog-section", "folded-section");
        // its chevron is drawn by the style sheet: an icon would be one more element per heading in every session
        Button open = new Button(getTranslation(titleKey));
        open.setId("open-" + key);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // a disclosure: screen readers say that the button opens something, and that it is closed
        open.getElement().setAttribute("aria-expanded", "false");
        open.addClickListener(click -> {
            opened.add(key);
            Component[] built = build.get();
            int at = body.indexOf(heading);
            body.remove(heading);
            for (int i = 0; i < built.length; i++) {
                body.addComponentAtIndex(at + i, built[i]);
            }
            // the button is gone: the focus goes to the section that took its place, so that a screen reader reads
            // on from its heading and Tab reaches its first control
            Element section = built[0].getElement();
            section.setAttribute("tabindex", "-1");
            section.callJsFunction("focus");
        });
        heading.add(open);
        body.add(heading);
    }

    /** The confirmation's row when the person may confirm (its button takes the focus), else the whole section. */
    private static Component confirmationStart(ContactPersonSection section) {
        return section.getChildren().filter(child -> child.getId().filter("contact-confirmation"::equals).isPresent())
                .findFirst().filter(row -> DialogKeys.firstFocusable(row).isPresent()).orElse(section);
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

    /**
     * After a change made at {@code placeId} (a manager's row, say): the dialog is drawn anew, and the person keeps
     * their place. The focus, whose button is gone, goes to that place (a row that is gone leaves its list), which
     * the dialog scrolls to the middle of its window, clear of the notices at its top; else the dialog would show its
     * first field again.
     */
    void changedAt(String placeId) {
        changed();
        getElement().executeJs("""
                const id = $0;
                requestAnimationFrame(() => {
                  const place = document.getElementById(id);
                  if (!place) return;
                  if (!place.matches('vaadin-button, button, a, input, [tabindex]')) {
                    place.setAttribute('tabindex', '-1');
                  }
                  place.focus({preventScroll: true});
                  place.scrollIntoView({block: 'center'});
                });""", placeId);
    }
}
