package dev.kontor.partner.ui;

import dev.kontor.base.ui.LabelInName;
import com.vaadin.flow.component.Component;
import dev.kontor.base.ui.Moments;
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
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.kontor.base.ui.FormRules;
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
 * representatives add customers, ask existing ones for rights and end partnerships. The row's main action, Access
 * account, stays in sight at the row's end on a laptop as on a phone: the customer's name and number share one
 * column, so do the relationship's state, date and review notice, and the rights are counted in the row and listed
 * in its details.
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
    private final com.vaadin.flow.component.html.Span count = new com.vaadin.flow.component.html.Span();
    private final Div actions = new Div();
    private PartnerMembership partner;
    /** On a phone the customer's column also tells the state and rights, whose own columns are hidden. */
    private boolean narrow;

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
        count.setId("customers-count");
        count.setVisible(false);
        Div filters = new Div(filter, showEnded, count);
        filters.addClassName("section-buttons");

        // a row's actions sit inside the grid, which Tab passes over as one stop: the way in is said once, and the
        // grid points to it for screen readers
        com.vaadin.flow.component.html.Paragraph keyboard = new com.vaadin.flow.component.html.Paragraph(
                getTranslation("partner.customers.keyboard"));
        keyboard.setId("customers-keyboard-hint");
        keyboard.addClassName("section-explanation");

        configureGrid();
        grid.getElement().setAttribute("aria-describedby", "customers-keyboard-hint");
        add(heading, filters, keyboard, grid);
        FormRules.explainConstraints(this);
        setFlexGrow(1, grid);
        showPartner();
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
    }

    /**
     * On a phone the row is its customer, with state and rights below the name, beside the frozen actions, and the
     * customer takes the rest of the width: half a column showing between them looked broken. A wider window gets a
     * column per part.
     */
    void fitColumns(int windowWidth) {
        boolean phone = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        if (phone == narrow) {
            return;
        }
        narrow = phone;
        for (String key : List.of("state", "rights", "contact")) {
            grid.getColumnByKey(key).setVisible(!phone);
        }
        grid.getColumnByKey("assigned").setVisible(!phone && partner.seesAllCustomers());
        grid.getColumnByKey("customer").setFlexGrow(phone ? 1 : 2);
        grid.getDataProvider().refreshAll();
    }

    private void configureGrid() {
        grid.setId("managed-customers");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // name and number in one column: on a phone it is what shows beside the actions
        // a hidden column's cell is drawn nowhere: its parts (a button with an id) live in one cell at a time
        grid.addComponentColumn(row -> narrow ? phoneCell(row) : customerCell(row))
                .setHeader(getTranslation("partner.column.customer")).setKey("customer")
                .setSortProperty("name", "customerNumber").setWidth("10rem").setFlexGrow(2);
        grid.addComponentColumn(row -> narrow ? new Div() : relationshipCell(row))
                .setHeader(getTranslation("partner.column.state")).setKey("state")
                .setSortProperty("state").setWidth("9.5rem").setFlexGrow(0);
        grid.addComponentColumn(row -> narrow ? new Div() : rightsCell(row))
                .setHeader(getTranslation("partner.column.rights")).setKey("rights")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.contactPersonName() == null ? "" : row.contactPersonName())
                .setHeader(getTranslation("dashboard.contact-person")).setKey("contact").setWidth("7rem")
                .setFlexGrow(1);
        grid.addComponentColumn(this::assigneesCell).setHeader(getTranslation("partner.column.assigned"))
                .setKey("assigned").setWidth("8rem").setFlexGrow(1);
        // frozen at the row's end: however narrow the window, Access account never scrolls out of sight
        grid.addComponentColumn(this::actionsCell).setHeader(getTranslation("manager.actions"))
                .setKey("actions").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setDetailsVisibleOnClick(false);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::rightsDetails));
        grid.setEmptyStateText(getTranslation("partner.no-customers"));
    }

    private void showPartner() {
        boolean all = partner.seesAllCustomers();
        title.setText(getTranslation(all ? "nav.managed-customers" : "partner.my-customers") + " · "
                + partner.partnerName());
        grid.getColumnByKey("assigned").setVisible(all && !narrow);

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
        com.vaadin.flow.component.grid.dataview.GridLazyDataView<ManagedCustomer> rows = grid.setItems(query ->
                customers.rows(partnerId, current, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        long counted = customers.count(partnerId, current);
        if (counted > ManagedCustomerService.COUNT_LIMIT) {
            // counting 100,000 customers at every refresh is what made the page slow: beyond the limit the grid
            // grows as it is scrolled, and says "more than 10,000"
            rows.setItemCountEstimate(ManagedCustomerService.COUNT_LIMIT + 1);
            rows.setItemCountEstimateIncrease(1_000);
            showCount(counted);
        } else {
            // the grid's first count is the one just taken; a later one (after a change) counts again
            long[] taken = {counted};
            rows.setItemCountCallback(query -> {
                long exact = taken[0] >= 0 ? taken[0] : customers.count(partnerId, current);
                taken[0] = -1;
                showCount(exact);
                return (int) exact;
            });
        }
    }

    /** How many customers the list holds, or that there are more than the count goes to. */
    private void showCount(long counted) {
        count.setVisible(counted > 0);
        count.setText(counted > ManagedCustomerService.COUNT_LIMIT
                ? getTranslation("partner.customers.count-more", ManagedCustomerService.COUNT_LIMIT)
                : getTranslation("partner.customers.count", counted));
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

    private Component customerCell(ManagedCustomer row) {
        Span name = new Span(row.name());
        name.addClassName("cell-title");
        Span number = new Span(row.customerNumber());
        // a narrow column wraps the name, never the number at its hyphens
        number.addClassNames("cell-detail", "no-break");
        Div cell = new Div(name, number);
        cell.addClassName("customer-cell");
        return cell;
    }

    /** On a phone: the customer, the relationship's state and the granted rights, one below the other. */
    private Component phoneCell(ManagedCustomer row) {
        Div cell = new Div(customerCell(row), relationshipCell(row), rightsCell(row));
        cell.addClassName("stacked-cell");
        return cell;
    }

    /** The relationship's state, since when, and the notice to review the granted rights with its button. */
    private Component relationshipCell(ManagedCustomer row) {
        Span tag = new Span(getTranslation("relationship.state." + row.state()));
        tag.addClassNames("tag", row.state() == RelationshipState.ACTIVE ? "tag-success" : "tag-state-deactivated");
        Div cell = new Div(tag);
        cell.addClassName("relationship-cell");
        if (row.since() != null) {
            Span since = new Span(getTranslation("partner.since", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(getLocale()).withZone(Moments.zone()).format(row.since())));
            since.addClassName("cell-detail");
            cell.add(since);
        }
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

    /**
     * The granted rights as a count that names them on hover and focus (and to screen readers) and lists them, each
     * with what it allows, in the row's details.
     */
    private Component rightsCell(ManagedCustomer row) {
        String names = RightTags.text(row.grantedRights(), this::getTranslation);
        String count = getTranslation("partner.rights.count", row.grantedRights().size());
        Button rights = new Button(count, VaadinIcon.ANGLE_DOWN.create());
        rights.setId("rights-" + row.customerNumber());
        rights.setIconAfterText(true);
        rights.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        rights.setTooltipText(names);
        // the visible words come first in the name a screen reader hears (WCAG 2.5.3)
        rights.setAriaLabel(getTranslation("partner.rights.of", count, row.name(), names));
        rights.getElement().setAttribute("aria-expanded", String.valueOf(grid.isDetailsVisible(row)));
        rights.addClickListener(click -> {
            boolean open = !grid.isDetailsVisible(row);
            grid.setDetailsVisible(row, open);
            rights.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        return rights;
    }

    /** The row's details: each granted right with what it allows. */
    Component rightsDetails(ManagedCustomer row) {
        Div details = new Div();
        details.setId("rights-details-" + row.customerNumber());
        details.addClassName("rights-details");
        for (Component tag : RightTags.of(row.grantedRights(), this::getTranslation)) {
            Span tagged = (Span) tag;
            Span help = new Span(tagged.getTitle().orElse(""));
            help.addClassName("cell-detail");
            Div line = new Div(tagged, help);
            line.addClassName("rights-details-line");
            details.add(line);
        }
        return details;
    }

    private Component assigneesCell(ManagedCustomer row) {
        Div cell = new Div();
        cell.addClassName("tag-cell");
        for (Assignee assignee : row.assignees()) {
            Span name = new Span(assignee.displayName());
            name.addClassName("tag");
            cell.add(name);
        }
        if (row.assignees().isEmpty()) {
            Span nobody = new Span(getTranslation("partner.assigned.nobody"));
            nobody.addClassName("cell-detail");
            cell.add(nobody);
        }
        if (row.state() == RelationshipState.ACTIVE) {
            cell.add(assignButton(row));
        }
        return cell;
    }

    /**
     * Assign employees: an icon with its name on hover and focus in the wide grid; on a phone, where hover is
     * missing and the column is hidden, a labelled button among the row's actions.
     */
    private Button assignButton(ManagedCustomer row) {
        Button assign = new Button(VaadinIcon.USER_CHECK.create(), click ->
                new AssignEmployeesDialog(partners, partner.partnerId(), row, this::refresh).open());
        assign.setId("assign-" + row.customerNumber());
        assign.setAriaLabel(LabelInName.of(getTranslation("partner.assign"), row.name()));
        assign.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (narrow) {
            assign.setText(getTranslation("partner.assign"));
        } else {
            assign.setTooltipText(getTranslation("partner.assign"));
            assign.addThemeVariants(ButtonVariant.LUMO_ICON);
        }
        return assign;
    }

    private Component actionsCell(ManagedCustomer row) {
        Div cell = new Div();
        cell.addClassNames("action-cell", "row-actions");
        if (row.state() == RelationshipState.ACTIVE) {
            Button enter = new Button(getTranslation("access.enter"), VaadinIcon.SIGN_IN.create(),
                    click -> getUI().ifPresent(ui -> ui.navigate("access/" + row.customerNumber())));
            enter.setId("access-" + row.customerNumber());
            enter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            enter.setAriaLabel(LabelInName.of(getTranslation("access.enter"),
                    LabelInName.organization(row.name(), row.customerNumber())));
            cell.add(enter);
        }
        if (partner.isLegalRepresentative() && row.state() == RelationshipState.ACTIVE) {
            // rarer and confirmed in a dialog: an icon with its name on hover and focus leaves room for the main action
            Button terminate = new Button(VaadinIcon.UNLINK.create(), click -> confirmTermination(row));
            terminate.setId("terminate-" + row.customerNumber());
            terminate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                    ButtonVariant.LUMO_ERROR);
            if (narrow) {
                // a phone has no hover to show an icon's name: the button says it
                terminate.setText(getTranslation("partner.terminate"));
            } else {
                terminate.addThemeVariants(ButtonVariant.LUMO_ICON);
                terminate.setTooltipText(getTranslation("partner.terminate"));
            }
            terminate.setAriaLabel(LabelInName.of(getTranslation("partner.terminate"), row.name()));
            cell.add(terminate);
        }
        if (narrow && partner.seesAllCustomers() && row.state() == RelationshipState.ACTIVE) {
            cell.add(assignButton(row));
        }
        return cell;
    }

    private void confirmTermination(ManagedCustomer row) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-termination");
        dialog.setHeader(getTranslation("partner.terminate.title"));
        dialog.setText(dev.kontor.base.ui.LineBreaks.keepingWhole(getTranslation("partner.terminate.text",
                row.name(), row.customerNumber()), "(" + row.customerNumber() + ")"));
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
