package dev.kontor.partner.ui;

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
import com.vaadin.flow.data.renderer.LitRenderer;
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

    /** The customer's name and number: a narrow column wraps the name, never the number at its hyphens. */
    private static final String CUSTOMER = "<div class=\"customer-cell\"><span class=\"cell-title\">${item.name}</span>"
            + "<span class=\"cell-detail no-break\">${item.number}</span></div>";

    /** Stands for an argument of a translated pattern until it becomes a template expression (private use area). */
    private static final String MARK = "\uE000";

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
        filter.setMaxLength(FormRules.FILTER_MAX_LENGTH);
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
        // a phone has no Tab key: the style sheet hides the hint there (screen readers still hear it with the grid)
        keyboard.addClassNames("section-explanation", "keyboard-hint");

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
        renderColumns();
        grid.getDataProvider().refreshAll();
    }

    private void configureGrid() {
        grid.setId("managed-customers");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // the cells are drawn in the browser from a template and a few values per row (LitRenderer): a page of rows
        // is data the grid sends, not some twenty elements per row that the session keeps; the renderers follow the
        // partner and the window's width (renderColumns)
        // name and number in one column: on a phone it is what shows beside the actions
        grid.addColumn(LitRenderer.<ManagedCustomer>of(""))
                .setHeader(getTranslation("partner.column.customer")).setKey("customer")
                .setSortProperty("name", "customerNumber").setWidth("10rem").setFlexGrow(2);
        grid.addColumn(LitRenderer.<ManagedCustomer>of(""))
                .setHeader(getTranslation("partner.column.state")).setKey("state")
                .setSortProperty("state").setWidth("9.5rem").setFlexGrow(0);
        grid.addColumn(LitRenderer.<ManagedCustomer>of(""))
                .setHeader(getTranslation("partner.column.rights")).setKey("rights")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.contactPersonName() == null ? "" : row.contactPersonName())
                .setHeader(getTranslation("dashboard.contact-person")).setKey("contact").setWidth("7rem")
                .setFlexGrow(1);
        grid.addColumn(LitRenderer.<ManagedCustomer>of("")).setHeader(getTranslation("partner.column.assigned"))
                .setKey("assigned").setWidth("8rem").setFlexGrow(1);
        // frozen at the row's end: however narrow the window, Access account never scrolls out of sight
        grid.addColumn(LitRenderer.<ManagedCustomer>of("")).setHeader(getTranslation("manager.actions"))
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
        renderColumns();

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

    /**
     * Gives every drawn column its template for this partner (who may review, assign and terminate) and this width (a
     * phone stacks the customer's parts and names the rarer actions in words). The buttons keep the ids, accessible
     * names and tooltips the component cells had; a click reaches the server as the renderer's function with the
     * row, and what it starts checks the person's rights in the services as before.
     */
    private void renderColumns() {
        grid.getColumnByKey("customer").setRenderer(narrow
                ? stateParts(rightsParts(customerParts(LitRenderer.of("<div class=\"stacked-cell\">" + CUSTOMER
                        + stateTemplate() + rightsTemplate() + "</div>"))))
                : customerParts(LitRenderer.of(CUSTOMER)));
        // on a phone these columns are hidden and their parts are in the customer's: an empty template with no values
        // keeps every id once in the page and sends the values once
        grid.getColumnByKey("state").setRenderer(narrow ? LitRenderer.of("")
                : stateParts(LitRenderer.of(stateTemplate())));
        grid.getColumnByKey("rights").setRenderer(narrow ? LitRenderer.of("")
                : rightsParts(LitRenderer.of(rightsTemplate())));
        grid.getColumnByKey("assigned").setRenderer(assigneesRenderer());
        grid.getColumnByKey("actions").setRenderer(actionsRenderer());
    }

    private static LitRenderer<ManagedCustomer> customerParts(LitRenderer<ManagedCustomer> renderer) {
        return renderer.withProperty("name", ManagedCustomer::name)
                .withProperty("number", ManagedCustomer::customerNumber);
    }

    /** The relationship's state, since when, and the notice to review the granted rights with its button. */
    private String stateTemplate() {
        String review = !partner.seesAllCustomers() ? ""
                : "<vaadin-button id=\"review-${item.number}\" theme=\"small tertiary\" aria-label=\""
                + literal(getTranslation("partner.review")) + " ${item.name}\" @click=\"${review}\">"
                + literal(getTranslation("partner.review")) + "</vaadin-button>";
        return "<div class=\"relationship-cell\">"
                + "<span class=\"tag ${item.active ? 'tag-success' : 'tag-state-deactivated'}\">${item.state}</span>"
                + "${item.since ? html`<span class=\"cell-detail\">${item.since}</span>` : ''}"
                + "${item.review ? html`<span class=\"tag tag-warning\">"
                + literal(getTranslation("partner.review-notice")) + "</span>" + review + "` : ''}</div>";
    }

    private LitRenderer<ManagedCustomer> stateParts(LitRenderer<ManagedCustomer> renderer) {
        return renderer.withProperty("name", ManagedCustomer::name)
                .withProperty("number", ManagedCustomer::customerNumber)
                .withProperty("state", row -> getTranslation("relationship.state." + row.state()))
                .withProperty("active", row -> row.state() == RelationshipState.ACTIVE)
                .withProperty("since", row -> row.since() == null ? null : getTranslation("partner.since",
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                                .withZone(Moments.zone()).format(row.since())))
                .withProperty("review", ManagedCustomersView::reviewDue)
                .withFunction("review", row -> {
                    if (partner.seesAllCustomers() && reviewDue(row)) {
                        new ReviewRightsDialog(partners, partner.partnerId(), row, this::refresh).open();
                    }
                });
    }

    private static boolean reviewDue(ManagedCustomer row) {
        return row.reviewPending() && row.state() == RelationshipState.ACTIVE;
    }

    /**
     * The granted rights as a count that names them on hover and focus (and to screen readers) and lists them, each
     * with what it allows, in the row's details. The visible words come first in the name a screen reader hears
     * (WCAG 2.5.3).
     */
    private String rightsTemplate() {
        String name = fill(getTranslation("partner.rights.of", MARK + 0, MARK + 1, MARK + 2),
                "${item.count}", "${item.name}", "${item.names}");
        return "<vaadin-button id=\"rights-${item.number}\" class=\"rights-toggle\" theme=\"small tertiary\""
                + " aria-label=\"" + name + "\""
                + " aria-expanded=\"${model.detailsOpened ? 'true' : 'false'}\" @click=\"${toggleRights}\">"
                + "${item.count}<vaadin-icon icon=\"vaadin:angle-down\" slot=\"suffix\"></vaadin-icon>"
                + "<vaadin-tooltip slot=\"tooltip\" text=\"${item.names}\"></vaadin-tooltip></vaadin-button>";
    }

    private LitRenderer<ManagedCustomer> rightsParts(LitRenderer<ManagedCustomer> renderer) {
        return renderer.withProperty("name", ManagedCustomer::name)
                .withProperty("number", ManagedCustomer::customerNumber)
                .withProperty("count", row -> getTranslation("partner.rights.count", row.grantedRights().size()))
                .withProperty("names", row -> RightTags.text(row.grantedRights(), this::getTranslation))
                .withFunction("toggleRights", row -> grid.setDetailsVisible(row, !grid.isDetailsVisible(row)));
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

    /** The employees working on the customer, or that nobody does, and (in the wide grid) Assign. */
    private LitRenderer<ManagedCustomer> assigneesRenderer() {
        // nobody assigned: the words and Assign's icon stay on one line, the words wrapping beside the icon if need be
        String template = "<div class=\"tag-cell ${item.people.length ? '' : 'nobody-assigned'}\">${item.people.length"
                + " ? item.people.map(person => html`<span class=\"tag\">${person}</span>`)"
                + " : html`<span class=\"cell-detail\">" + literal(getTranslation("partner.assigned.nobody"))
                + "</span>`}" + (narrow ? "" : "${item.active ? html`" + assignButton() + "` : ''}") + "</div>";
        return LitRenderer.<ManagedCustomer>of(template)
                .withProperty("name", ManagedCustomer::name)
                .withProperty("number", ManagedCustomer::customerNumber)
                .withProperty("active", row -> row.state() == RelationshipState.ACTIVE)
                .withProperty("people", row -> row.assignees().stream().map(Assignee::displayName).toList())
                .withFunction("assign", this::assign);
    }

    /**
     * Assign employees: an icon with its name on hover and focus in the wide grid; on a phone, where hover is
     * missing and the column is hidden, a labelled button among the row's actions.
     */
    private String assignButton() {
        String label = literal(getTranslation("partner.assign"));
        String open = "<vaadin-button id=\"assign-${item.number}\" aria-label=\"" + label + " ${item.name}\""
                + " @click=\"${assign}\" theme=\"small tertiary";
        return narrow
                ? open + "\"><vaadin-icon icon=\"vaadin:user-check\" slot=\"prefix\"></vaadin-icon>" + label
                        + "</vaadin-button>"
                : open + " icon\"><vaadin-icon icon=\"vaadin:user-check\"></vaadin-icon>"
                        + "<vaadin-tooltip slot=\"tooltip\" text=\"" + label + "\"></vaadin-tooltip></vaadin-button>";
    }

    private void assign(ManagedCustomer row) {
        if (partner.seesAllCustomers() && row.state() == RelationshipState.ACTIVE) {
            new AssignEmployeesDialog(partners, partner.partnerId(), row, this::refresh).open();
        }
    }

    /**
     * Access account, the row's main action, in words; Terminate, rarer and confirmed in a dialog, as an icon with its
     * name on hover and focus, which leaves room for the main action (a phone has no hover: there it says its name).
     */
    private LitRenderer<ManagedCustomer> actionsRenderer() {
        String enter = literal(getTranslation("access.enter"));
        StringBuilder buttons = new StringBuilder("<vaadin-button id=\"access-${item.number}\" theme=\"small tertiary\""
                + " aria-label=\"" + enter + " ${item.name} (${item.number})\" @click=\"${enter}\">"
                + "<vaadin-icon icon=\"vaadin:sign-in\" slot=\"prefix\"></vaadin-icon>" + enter + "</vaadin-button>");
        if (partner.isLegalRepresentative()) {
            String terminate = literal(getTranslation("partner.terminate"));
            buttons.append("<vaadin-button id=\"terminate-${item.number}\" aria-label=\"").append(terminate)
                    .append(" ${item.name}\" @click=\"${terminate}\" theme=\"small tertiary error");
            buttons.append(narrow
                    ? "\"><vaadin-icon icon=\"vaadin:unlink\" slot=\"prefix\"></vaadin-icon>" + terminate
                    : " icon\"><vaadin-icon icon=\"vaadin:unlink\"></vaadin-icon><vaadin-tooltip slot=\"tooltip\""
                            + " text=\"" + terminate + "\"></vaadin-tooltip>");
            buttons.append("</vaadin-button>");
        }
        if (narrow && partner.seesAllCustomers()) {
            buttons.append(assignButton());
        }
        return LitRenderer.<ManagedCustomer>of("<div class=\"action-cell row-actions\">${item.active ? html`"
                        + buttons + "` : ''}</div>")
                .withProperty("name", ManagedCustomer::name)
                .withProperty("number", ManagedCustomer::customerNumber)
                .withProperty("active", row -> row.state() == RelationshipState.ACTIVE)
                .withFunction("enter", row -> {
                    // the access view checks the right to enter again: this only spares a page that would refuse
                    if (row.state() == RelationshipState.ACTIVE) {
                        getUI().ifPresent(ui -> PartnerNavigation.toAccountEntry(ui, row.customerNumber()));
                    }
                })
                .withFunction("terminate", row -> {
                    if (partner.isLegalRepresentative() && row.state() == RelationshipState.ACTIVE) {
                        confirmTermination(row);
                    }
                })
                .withFunction("assign", this::assign);
    }

    /** A translated pattern as template text, its marked arguments replaced by template expressions. */
    private static String fill(String translated, String... expressions) {
        String text = literal(translated);
        for (int i = 0; i < expressions.length; i++) {
            text = text.replace(MARK + i, expressions[i]);
        }
        return text;
    }

    /**
     * A translated text as part of a template: characters HTML gives a meaning to as references, and so are those
     * that would end the template literal or start an expression in it (a backquote, a dollar sign, a backslash).
     */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                case '$' -> out.append("&#36;");
                case '\\' -> out.append("&#92;");
                default -> out.append(c);
            }
        }
        return out.toString();
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
