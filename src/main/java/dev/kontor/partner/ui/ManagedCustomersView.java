package dev.kontor.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.Assignee;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.PartnerMembership;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RelationshipState;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The partner's customers in a grid that pages, sorts and filters in the database. Legal representatives and
 * administrators see all of them and can assign employees; employees see only theirs, as "My customers". Legal
 * representatives add customers, ask existing ones for rights and end partnerships.
 */
@Route("partner/customers")
@Menu(title = "nav.managed-customers", order = 10, icon = "vaadin:handshake")
@RolesAllowed({Roles.LEGAL_REPRESENTATIVE, Roles.PARTNER_ADMINISTRATOR})
public class ManagedCustomersView extends VerticalLayout implements HasDynamicTitle {

    private final ManagedCustomerService customers;
    private final PartnerService partners;
    private final TextField filter = new TextField();
    private final Checkbox showEnded = new Checkbox();
    private final Grid<ManagedCustomer> grid = new Grid<>();
    private final H2 title = new H2();
    private final Div actions = new Div();
    private PartnerMembership partner;

    public ManagedCustomersView(ManagedCustomerService customers, PartnerService partners) {
        this.customers = customers;
        this.partners = partners;
        setId("managed-customers-view");
        setSizeFull();
        List<PartnerMembership> mine = partners.myPartners();
        partner = mine.getFirst();

        Div heading = new Div(title);
        heading.addClassName("section-heading");
        if (mine.size() > 1) {
            Select<PartnerMembership> choice = new Select<>();
            choice.setId("partner-choice");
            choice.setAriaLabel(getTranslation("partner.choose"));
            choice.setItems(mine);
            choice.setItemLabelGenerator(PartnerMembership::partnerName);
            choice.setValue(partner);
            choice.addValueChangeListener(event -> {
                partner = event.getValue();
                showPartner();
            });
            heading.add(choice);
        }
        actions.addClassName("section-buttons");
        heading.add(actions);

        filter.setId("customer-filter");
        filter.setPlaceholder(getTranslation("dashboard.filter-placeholder"));
        filter.setLabel(getTranslation("dashboard.filter"));
        filter.setWidth("min(22rem, 100%)");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setMaxLength(100);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(event -> refresh());
        showEnded.setId("show-ended");
        showEnded.setLabel(getTranslation("partner.show-ended"));
        showEnded.addValueChangeListener(event -> refresh());
        Div filters = new Div(filter, showEnded);
        filters.addClassName("section-buttons");

        configureGrid();
        add(heading, filters, grid);
        setFlexGrow(1, grid);
        showPartner();
    }

    private void configureGrid() {
        grid.setId("managed-customers");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ManagedCustomer::customerNumber).setHeader(getTranslation("dashboard.column.customer-number"))
                .setSortProperty("customerNumber").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ManagedCustomer::name).setHeader(getTranslation("dashboard.column.name"))
                .setSortProperty("name").setWidth("11rem").setFlexGrow(2);
        grid.addComponentColumn(this::stateTag).setHeader(getTranslation("partner.column.state"))
                .setSortProperty("state").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::rightsTags).setHeader(getTranslation("partner.column.rights"))
                .setWidth("13rem").setFlexGrow(3);
        grid.addColumn(row -> row.contactPersonName() == null ? "" : row.contactPersonName())
                .setHeader(getTranslation("dashboard.contact-person")).setWidth("8rem").setFlexGrow(1);
        grid.addColumn(row -> row.since() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(getLocale()).withZone(ZoneId.of("Europe/Berlin")).format(row.since()))
                .setHeader(getTranslation("partner.column.since")).setSortProperty("since").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::reviewCell).setHeader(getTranslation("partner.column.review"))
                .setWidth("9rem").setFlexGrow(1);
        grid.addComponentColumn(this::assigneesCell).setHeader(getTranslation("partner.column.assigned"))
                .setKey("assigned").setWidth("9rem").setFlexGrow(1);
        grid.addComponentColumn(this::actionsCell).setHeader(getTranslation("manager.actions"))
                .setKey("actions").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("partner.no-customers"));
    }

    private void showPartner() {
        boolean all = partner.seesAllCustomers();
        title.setText(getTranslation(all ? "nav.managed-customers" : "partner.my-customers") + " · "
                + partner.partnerName());
        grid.getColumnByKey("assigned").setVisible(all);

        actions.removeAll();
        if (partner.isLegalRepresentative()) {
            Button add = new Button(getTranslation("partner.add-customer"), VaadinIcon.PLUS.create(),
                    click -> new AddCustomerDialog(partners, partner.partnerId(), this::refresh).open());
            add.setId("add-customer");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button request = new Button(getTranslation("partner.request"), VaadinIcon.ENVELOPE_O.create(),
                    click -> new RequestRelationshipDialog(partners, partner.partnerId(), this::refresh).open());
            request.setId("request-relationship");
            actions.add(add, request);
        }
        if (all) {
            RouterLink requests = new RouterLink(getTranslation("partner.requests"), SentRequestsView.class);
            requests.setId("sent-requests-link");
            actions.add(requests);
        }
        refresh();
    }

    void refresh() {
        ManagedCustomerFilter current = new ManagedCustomerFilter(filter.getValue(), showEnded.getValue());
        long partnerId = partner.partnerId();
        grid.setEmptyStateText(getTranslation(emptyStateKey()));
        grid.setItems(query -> customers.rows(partnerId, current,
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, customers.count(partnerId, current)));
    }

    /** What an empty list means for this person, and what they can do about it. */
    private String emptyStateKey() {
        if (!filter.isEmpty()) {
            return "partner.no-customers.match";
        }
        if (!partner.seesAllCustomers()) {
            return "partner.no-customers.employee";
        }
        return partner.isLegalRepresentative() ? "partner.no-customers.legal" : "partner.no-customers";
    }

    private Component stateTag(ManagedCustomer row) {
        Span tag = new Span(getTranslation("relationship.state." + row.state()));
        tag.addClassNames("tag", row.state() == RelationshipState.ACTIVE ? "tag-success" : "tag-state-deactivated");
        return tag;
    }

    private Component rightsTags(ManagedCustomer row) {
        Div cell = new Div();
        cell.addClassName("tag-cell");
        for (OrganizationRight right : row.grantedRights()) {
            Span tag = new Span(getTranslation("right." + right.name()));
            tag.addClassName("tag");
            cell.add(tag);
        }
        return cell;
    }

    private Component reviewCell(ManagedCustomer row) {
        Div cell = new Div();
        cell.addClassName("tag-cell");
        if (!row.reviewPending() || row.state() != RelationshipState.ACTIVE) {
            return cell;
        }
        Span notice = new Span(getTranslation("partner.review-notice"));
        notice.addClassNames("tag", "tag-warning");
        cell.add(notice);
        if (partner.seesAllCustomers()) {
            Button review = new Button(getTranslation("partner.review"), click ->
                    new ReviewRightsDialog(partners, partner.partnerId(), row, this::refresh).open());
            review.setId("review-" + row.customerNumber());
            review.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            cell.add(review);
        }
        return cell;
    }

    private Component assigneesCell(ManagedCustomer row) {
        Div cell = new Div();
        cell.addClassName("tag-cell");
        for (Assignee assignee : row.assignees()) {
            Span name = new Span(assignee.displayName());
            name.addClassName("tag");
            cell.add(name);
        }
        if (row.state() == RelationshipState.ACTIVE) {
            Button assign = new Button(VaadinIcon.USER_CHECK.create(), click ->
                    new AssignEmployeesDialog(partners, partner.partnerId(), row, this::refresh).open());
            assign.setAriaLabel(getTranslation("partner.assign.of", row.name()));
            assign.setTooltipText(getTranslation("partner.assign"));
            assign.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            cell.add(assign);
        }
        return cell;
    }

    private Component actionsCell(ManagedCustomer row) {
        Div cell = new Div();
        cell.addClassName("action-cell");
        if (row.state() == RelationshipState.ACTIVE) {
            Button enter = new Button(getTranslation("access.enter"), VaadinIcon.SIGN_IN.create(),
                    click -> getUI().ifPresent(ui -> ui.navigate("access/" + row.customerNumber())));
            enter.setId("access-" + row.customerNumber());
            enter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            enter.setAriaLabel(getTranslation("access.enter.of", row.name()));
            cell.add(enter);
        }
        if (partner.isLegalRepresentative() && row.state() == RelationshipState.ACTIVE) {
            Button terminate = new Button(getTranslation("partner.terminate"), click -> confirmTermination(row));
            terminate.setId("terminate-" + row.customerNumber());
            terminate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                    ButtonVariant.LUMO_ERROR);
            terminate.setAriaLabel(getTranslation("partner.terminate.of", row.name()));
            cell.add(terminate);
        }
        return cell;
    }

    private void confirmTermination(ManagedCustomer row) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-termination");
        dialog.setHeader(getTranslation("partner.terminate.title"));
        dialog.setText(getTranslation("partner.terminate.text", row.name(), row.customerNumber()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("partner.terminate"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            partners.terminate(partner.partnerId(), row.relationshipId(), getLocale());
            refresh();
        });
        DialogKeys.cancelFirst(dialog);
        dialog.open();
    }

    static String rightsList(Component owner, java.util.Set<OrganizationRight> rights) {
        return rights.stream().map(r -> owner.getTranslation("right." + r.name())).collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(partner != null && !partner.seesAllCustomers() ? "partner.my-customers"
                : "nav.managed-customers");
    }

}
