package dev.kontor.provider.ui;

import dev.kontor.base.ui.LabelInName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.kontor.base.ui.CountryChoice;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.account.ServiceKind;
import dev.kontor.account.ServiceRow;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.Notices;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationState;
import dev.kontor.provider.AccountAdministration;
import dev.kontor.provider.AccountRow;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.PartnerRow;
import dev.kontor.provider.ServiceAdministration;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.kontor.account.MasterData;
import dev.kontor.contact.ContactRow;
import dev.kontor.provider.AccountChange;
import dev.kontor.provider.AccountManager;
import dev.kontor.provider.ProviderAccount;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One customer account, for the provider's administrators: its state with Suspend, Reactivate and Close, Ask for
 * another partner (the customer's managers decide), its name and address, its services with Add service, Rename and
 * End, and its managers and contacts to read (each read on the customer's audit log). The customer number in
 * the address is checked by the service like any other.
 */
@Route("admin/accounts/:customerNumber")
@RolesAllowed(Roles.PROVIDER_ADMINISTRATOR)
public class AccountAdminView extends VerticalLayout implements BeforeEnterObserver,
        dev.kontor.base.ui.TitledByName {

    private final AccountAdministration accounts;
    private final PartnerAdministration partners;
    private final ServiceAdministration services;
    private AccountRow account;
    /** Whether the window is a phone's: its grids then show one stacked column (beside the frozen actions). */
    private boolean narrow;
    private Grid<ServiceRow> servicesGrid;
    private Grid<ContactRow> contactsGrid;
    private Grid<AccountManager> managersGrid;

    public AccountAdminView(AccountAdministration accounts, PartnerAdministration partners,
                            ServiceAdministration services) {
        this.accounts = accounts;
        this.partners = partners;
        this.services = services;
        setId("admin-account-view");
        // on a phone the services and contacts stack like the other lists: nothing cut off at the edge
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
    }

    /**
     * On a phone each service is one stacked column beside its frozen actions, and each manager and each contact one
     * stacked column (an address broken mid-word in a narrow column read badly), as the provider's other lists are; a
     * wider window gets a column per part.
     */
    void fitColumns(int windowWidth) {
        narrow = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        dev.kontor.base.ui.WindowWidth.stackOnPhone(servicesGrid, narrow, "name", "kind", "state");
        dev.kontor.base.ui.WindowWidth.stackOnPhone(managersGrid, narrow, "name", "email", "state");
        dev.kontor.base.ui.WindowWidth.stackOnPhone(contactsGrid, narrow, "name", "email", "phone", "types");
    }


    private static Div stacked(String title, String... details) {
        Span heading = new Span(title);
        heading.addClassName("cell-title");
        Div cell = new Div(heading);
        for (String detail : details) {
            if (detail != null && !detail.isBlank()) {
                Span line = new Span(detail);
                line.addClassName("cell-detail");
                cell.add(line);
            }
        }
        cell.addClassName("stacked-cell");
        return cell;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<CustomerNumber> number = event.getRouteParameters().get("customerNumber")
                .flatMap(CustomerNumber::parse);
        if (number.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        account = accounts.account(number.get());
        show();
    }

    private void show() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("admin.account.back"), AccountsAdminView.class);
        back.setId("back-to-accounts");
        H2 title = new H2(account.name() + " (" + account.customerNumber() + ")");
        title.setId("account-title");
        Span partner = new Span(account.partnerName() == null ? getTranslation("admin.account.no-partner")
                : getTranslation("admin.account.managed-by", account.partnerName()));
        Div facts = new Div(PartnersAdminView.stateTag(this, account.state()), partner);
        facts.setId("account-facts");
        facts.addClassName("section-buttons");
        add(back, title, facts);
        if (account.state() != OrganizationState.ACTIVE) {
            Paragraph note = new Paragraph(getTranslation("admin.account.inactive-explained." + account.state()));
            note.setId("account-inactive-note");
            note.addClassName("section-explanation");
            add(note);
        }
        add(stateButtons(), dataSection(), servicesSection(), managersSection(), contactsSection());
    }

    /**
     * Name and address, changed through the same service as the provider's API at the data version shown here: the
     * managers' own dialog keeps that version, so neither side overwrites the other unseen.
     */
    private Component dataSection() {
        ProviderAccount data = accounts.accountData(account.id());
        TextField name = dataField("name", "admin.account.name", AccountAdministration.NAME_MAX_LENGTH, data.name());
        name.setRequiredIndicatorVisible(true);
        TextField street = dataField("street", "account.street", MasterData.STREET_MAX, data.street());
        TextField postalCode = dataField("postal-code", "account.postal-code", MasterData.POSTAL_CODE_MAX,
                data.postalCode());
        TextField city = dataField("city", "account.city", MasterData.CITY_MAX, data.city());
        CountryChoice country = new CountryChoice(getTranslation("account.country"));
        country.setId("account-data-country");
        country.show(data.country());
        List<HasValidation> fields = List.of(name, street, postalCode, city, country);
        // a refusal of a field this form does not show belongs to the account, and so to its name
        InputRefusals refusals = InputRefusals.of(this).field("name", name).field("companyName", name)
                .field("street", street).field("postalCode", postalCode).field("city", city)
                .field("country", country).anyOtherIn(name);
        FormLayout form = new FormLayout(name, street, postalCode, city, country);
        form.setId("account-data");
        Div section = new Div(new H3(getTranslation("admin.account.data")), form);
        section.setWidthFull();
        boolean closed = account.state() == OrganizationState.CLOSED;
        java.util.stream.Stream.<com.vaadin.flow.component.HasValue<?, String>>of(name, street, postalCode, city, country)
                .forEach(field -> field.setReadOnly(closed));
        if (!closed) {
            Button save = new Button(getTranslation("admin.account.data.save"), VaadinIcon.CHECK.create(), click -> {
                fields.forEach(field -> field.setInvalid(false));
                if (!refusals.call(() -> appliedAsSeen(() -> accounts.updateAccount(account.id(), data.dataVersion(),
                        new AccountChange(name.getValue(), street.getValue(), postalCode.getValue(),
                                city.getValue(), country.getValue())))).orElse(false)) {
                    return;
                }
                account = accounts.account(account.id());
                done("admin.account.data.saved");
            });
            save.setId("save-account-data");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(save);
        }
        FormRules.explainConstraints(form);
        return section;
    }

    private TextField dataField(String id, String labelKey, int maxLength, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId("account-data-" + id);
        field.setMaxLength(maxLength);
        field.setValue(value == null ? "" : value);
        return field;
    }

    /** The managers, read only (the customer's managers invite and remove each other), a page at a time. */
    private Component managersSection() {
        Grid<AccountManager> grid = new Grid<>();
        grid.setId("account-managers");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(AccountManager::name).setHeader(getTranslation("contact.column.name")).setKey("name")
                .setFlexGrow(2);
        grid.addColumn(AccountManager::email).setHeader(getTranslation("contact.column.email")).setKey("email")
                .setFlexGrow(3);
        grid.addColumn(m -> getTranslation("membership.state." + m.state()))
                .setHeader(getTranslation("admin.partners.state")).setKey("state").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(m -> stacked(m.name(), m.email(), getTranslation("membership.state." + m.state())))
                .setHeader(getTranslation("admin.account.managers")).setKey("stacked").setVisible(false);
        managersGrid = grid;
        dev.kontor.base.ui.WindowWidth.stackOnPhone(grid, narrow, "name", "email", "state");
        grid.setEmptyStateText(getTranslation("admin.account.managers.none"));
        long id = account.id();
        grid.setItemsPageable(pageable -> accounts.managersOf(id, pageable));
        grid.setHeight("14em");
        Div section = new Div(new H3(getTranslation("admin.account.managers")), grid);
        section.setWidthFull();
        return section;
    }

    /** The contacts, read only (the customer keeps them), a page at a time; each page read is on their audit log. */
    private Component contactsSection() {
        Grid<ContactRow> grid = new Grid<>();
        grid.setId("account-contacts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ContactRow::name).setHeader(getTranslation("contact.column.name")).setKey("name")
                .setFlexGrow(2);
        grid.addColumn(ContactRow::email).setHeader(getTranslation("contact.column.email")).setKey("email")
                .setFlexGrow(3);
        grid.addColumn(c -> dev.kontor.base.PhoneNumbers.readableOnOneLine(c.phone())).setHeader(getTranslation("contact.column.phone")).setKey("phone")
                .setFlexGrow(2);
        grid.addColumn(this::contactTypes).setHeader(getTranslation("contact.column.types")).setKey("types")
                .setFlexGrow(2);
        grid.addComponentColumn(c -> stacked(c.name(), c.email(),
                        dev.kontor.base.PhoneNumbers.readableOnOneLine(c.phone()), contactTypes(c)))
                .setHeader(getTranslation("admin.account.contacts")).setKey("stacked").setVisible(false);
        contactsGrid = grid;
        dev.kontor.base.ui.WindowWidth.stackOnPhone(grid, narrow, "name", "email", "phone", "types");
        grid.setEmptyStateText(getTranslation("admin.account.contacts.none"));
        long id = account.id();
        grid.setItemsPageable(pageable -> accounts.contactsPage(id, pageable));
        grid.setHeight("18em");
        Paragraph audited = new Paragraph(getTranslation("admin.account.contacts.audited"));
        audited.addClassName("section-explanation");
        Div section = new Div(new H3(getTranslation("admin.account.contacts")), audited, grid);
        section.setWidthFull();
        return section;
    }

    private String contactTypes(ContactRow contact) {
        return contact.types().stream().sorted().map(t -> getTranslation("contact.type." + t))
                .collect(Collectors.joining(", "));
    }

    private Component stateButtons() {
        Div buttons = new Div();
        buttons.addClassName("section-buttons");
        if (account.state() == OrganizationState.ACTIVE) {
            Button suspend = new Button(getTranslation("admin.account.suspend"), VaadinIcon.BAN.create(),
                    click -> confirm("suspend", () -> reason -> accounts.suspend(account.id(), account.version(),
                            reason)));
            suspend.setId("suspend-account");
            Button request = new Button(getTranslation("admin.account.request-partner"),
                    VaadinIcon.HANDSHAKE.create(), click -> requestPartner());
            request.setId("request-partner");
            buttons.add(suspend, request);
        }
        if (account.state() == OrganizationState.SUSPENDED) {
            Button reactivate = new Button(getTranslation("admin.account.reactivate"), VaadinIcon.CHECK.create(),
                    click -> {
                        if (appliedAsSeen(() -> accounts.reactivate(account.id(), account.version()))) {
                            done("admin.account.reactivated");
                        }
                    });
            reactivate.setId("reactivate-account");
            reactivate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(reactivate);
        }
        if (account.state() != OrganizationState.CLOSED) {
            Button close = new Button(getTranslation("admin.account.close"), VaadinIcon.CLOSE_CIRCLE.create(),
                    click -> confirm("close", () -> reason -> accounts.close(account.id(), account.version(),
                            reason)));
            close.setId("close-account");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(close);
        }
        return buttons;
    }

    private void confirm(String what, java.util.function.Supplier<java.util.function.Consumer<String>> action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-" + what + "-account");
        confirm.setHeader(getTranslation("admin.account." + what + ".title", account.name()));
        TextField reason = new TextField(getTranslation("admin.partner.suspend.reason"));
        reason.setId(what + "-reason");
        reason.setMaxLength(AccountAdministration.REASON_MAX_LENGTH);
        reason.setWidthFull();
        confirm.add(new Paragraph(getTranslation("admin.account." + what + ".explained")), reason);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("admin.account." + what));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            // the confirmation closes with its click, so a refused reason is said in a notice
            if (!InputRefusals.of(this).call(() -> appliedAsSeen(() -> action.get().accept(reason.getValue())))
                    .orElse(false)) {
                return;
            }
            done("admin.account." + what + ".done");
        });
        FormRules.explainConstraints(confirm);
        DialogKeys.cancelFirst(confirm);
        confirm.open();
    }

    private void requestPartner() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("request-partner-dialog");
        dialog.setHeader(getTranslation("admin.account.request-partner"));
        ComboBox<PartnerRow> partner = PartnerChoice.partners(partners, getTranslation("admin.account.partner"));
        partner.setId("request-partner-choice");
        partner.setWidthFull();
        CheckboxGroup<OrganizationRight> rights = PartnerChoice.rights(getTranslation("admin.account.partner-rights"));
        rights.setId("request-partner-rights");
        dialog.add(new Paragraph(getTranslation("admin.account.request-partner.explained")), partner, rights);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("admin.account.request-partner.send"));
        dialog.addConfirmListener(event -> {
            if (partner.getValue() == null) {
                partner.setInvalid(true);
                partner.setErrorMessage(getTranslation("validation.required"));
                dialog.open();
                return;
            }
            if (!InputRefusals.of(this).run(() -> accounts.requestPartner(account.id(), partner.getValue().id(),
                    rights.getValue(), getLocale()))) {
                return;
            }
            Notices.success(getTranslation("admin.account.request-partner.sent", partner.getValue().name()));
        });
        FormRules.explainConstraints(dialog);
        DialogKeys.cancelFirst(dialog);
        dialog.open();
    }

    private Component servicesSection() {
        Grid<ServiceRow> grid = new Grid<>();
        grid.setId("account-services");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ServiceRow::name).setHeader(getTranslation("admin.service.name")).setKey("name")
                .setFlexGrow(3);
        grid.addColumn(s -> getTranslation("service.kind." + s.kind())).setHeader(getTranslation("admin.service.kind"))
                .setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::serviceState).setHeader(getTranslation("admin.partners.state")).setKey("state")
                .setAutoWidth(true).setFlexGrow(0);
        // on a phone: the service's name with its kind and state below, beside the actions
        grid.addComponentColumn(s -> {
            Div cell = stacked(s.name(), getTranslation("service.kind." + s.kind()));
            cell.add(serviceState(s));
            return cell;
        }).setHeader(getTranslation("admin.account.services")).setKey("stacked").setFlexGrow(1).setVisible(false);
        // frozen at the row's end, as in the other lists: Rename and End never sit beyond the window's edge
        grid.addComponentColumn(this::serviceActions).setHeader(getTranslation("staff.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        servicesGrid = grid;
        dev.kontor.base.ui.WindowWidth.stackOnPhone(grid, narrow, "name", "kind", "state");
        grid.setEmptyStateText(getTranslation("admin.service.none"));
        grid.setItems(services.servicesOf(account.id()));
        grid.setAllRowsVisible(true);
        Div section = new Div(new H3(getTranslation("admin.account.services")), grid);
        section.setWidthFull();
        if (account.state() != OrganizationState.CLOSED) {
            Button add = new Button(getTranslation("admin.service.add"), VaadinIcon.PLUS.create(),
                    click -> new ServiceDialog(services, account.id(), null, this::reload).open());
            add.setId("add-service");
            section.addComponentAtIndex(1, add);
        }
        return section;
    }

    private Component serviceState(ServiceRow service) {
        Span tag = new Span(getTranslation(service.running() ? "admin.service.running" : "admin.service.ended"));
        tag.addClassNames("tag", service.running() ? "tag-success" : "tag-state-deactivated");
        return tag;
    }

    private Component serviceActions(ServiceRow service) {
        if (!service.running() || account.state() == OrganizationState.CLOSED) {
            return new Span();
        }
        Button rename = new Button(getTranslation("admin.service.rename"),
                click -> new ServiceDialog(services, account.id(), service, this::reload).open());
        rename.setId("rename-service-" + service.id());
        rename.getElement().setAttribute("aria-label", LabelInName.of(getTranslation("admin.service.rename"), service.name()));
        Button end = new Button(getTranslation("admin.service.end"), click -> {
            if (!appliedAsSeen(() -> services.endService(account.id(), service.id(), service.version()))) {
                return;
            }
            Notices.success(getTranslation("admin.service.ended-now", service.name()));
            reload();
        });
        end.setId("end-service-" + service.id());
        end.getElement().setAttribute("aria-label", LabelInName.of(getTranslation("admin.service.end"), service.name()));
        for (Button button : new Button[] {rename, end}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Div actions = new Div(rename, end);
        // on a phone Rename stands above End, so that the column stays narrow enough for both to be seen
        actions.addClassName("row-actions");
        return actions;
    }

    private boolean appliedAsSeen(Runnable change) {
        return ChangeAsSeen.applied(change, "admin.account.changed-meanwhile", this::reload);
    }

    private void done(String messageKey) {
        Notices.success(getTranslation(messageKey, account.name()));
        reload();
    }

    private void reload() {
        account = accounts.account(account.id());
        show();
    }

    @Override
    public String getPageTitle() {
        return account == null ? getTranslation("nav.admin-accounts") : account.name();
    }

    /** Adds a service, or renames one (then only the name is asked). */
    static class ServiceDialog extends com.vaadin.flow.component.dialog.Dialog {

        /** The dialog's input: the service's name and, for a new one, its kind. */
        public record ServiceInput(String name, ServiceKind kind) {
        }

        ServiceDialog(ServiceAdministration services, long accountId, ServiceRow renamed, Runnable onDone) {
            setId("service-dialog");
            setHeaderTitle(getTranslation(renamed == null ? "admin.service.add" : "admin.service.rename"));
            TextField name = new TextField(getTranslation("admin.service.name"));
            name.setId("service-name");
            name.setMaxLength(ServiceAdministration.NAME_MAX_LENGTH);
            name.setRequiredIndicatorVisible(true);
            name.setWidthFull();
            Select<ServiceKind> kind = new Select<>();
            kind.setId("service-kind");
            kind.setLabel(getTranslation("admin.service.kind"));
            kind.setItems(ServiceKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("service.kind." + k));
            if (renamed != null) {
                kind.setVisible(false);
            }
            add(new com.vaadin.flow.component.formlayout.FormLayout(name, kind));
            FormRules.explainConstraints(this);
            // the name's checks are the service's: a refusal of it is shown next to it
            com.vaadin.flow.data.binder.Binder<ServiceInput> binder =
                    new com.vaadin.flow.data.binder.Binder<>(ServiceInput.class);
            binder.forField(name).bind("name");
            binder.forField(kind).bind("kind");
            binder.readRecord(new ServiceInput(renamed == null ? "" : renamed.name(), ServiceKind.CLUSTER));
            Button save = new Button(getTranslation(renamed == null ? "admin.service.add" : "admin.service.rename"),
                    click -> {
                        // the name is all the person typed: every refusal is about it
                        if (!FormRules.recordOrFocus(binder).map(input -> InputRefusals.of(this).anyOtherIn(name)
                                .run(() -> {
                                    if (renamed == null) {
                                        services.addService(accountId, input.name(), input.kind());
                                    } else {
                                        services.renameService(accountId, renamed.id(), renamed.version(),
                                                input.name());
                                    }
                                })).orElse(false)) {
                            return;
                        }
                        close();
                        onDone.run();
                    });
            save.setId("save-service");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
            DialogKeys.enterClicks(this, save);
            DialogKeys.focusOnOpen(this, name);
        }
    }
}
