package dev.kontor.provider.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.kontor.base.ui.FormRules;
import dev.kontor.organization.OrganizationState;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.PartnerFilter;
import dev.kontor.provider.PartnerRow;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * All partners of the provider, for its administrators: searched by name and filtered by state in the database, a
 * page at a time, with how many there are; New partner; each name opens the partner's page.
 */
@Route("admin/partners")
@Menu(title = "nav.admin-partners", order = 85, icon = "vaadin:handshake")
@RolesAllowed(Roles.PROVIDER_ADMINISTRATOR)
public class PartnersAdminView extends VerticalLayout implements HasDynamicTitle {

    /** The state choice: any, or one state. */
    enum StateChoice { ANY, ACTIVE, SUSPENDED }

    private final PartnerAdministration administration;
    private final TextField search = new TextField();
    private final Select<StateChoice> state = new Select<>();
    private final Span count = new Span();
    private final Grid<PartnerRow> grid = new Grid<>();

    public PartnersAdminView(PartnerAdministration administration) {
        this.administration = administration;
        setId("admin-partners-view");
        Paragraph explained = new Paragraph(getTranslation("admin.partners.explained"));
        explained.addClassName("section-explanation");
        add(new H2(getTranslation("nav.admin-partners")), explained, toolbar(), list());
        // on a phone one column tells the whole partner: no count cut off at the edge
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
        FormRules.explainConstraints(this);
        refresh();
    }

    private Component toolbar() {
        search.setId("partner-search");
        search.setLabel(getTranslation("admin.partners.search"));
        search.setWidth("min(18rem, 100%)");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setMaxLength(PartnerAdministration.NAME_MAX_LENGTH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> refresh());
        state.setId("partner-state-filter");
        state.setLabel(getTranslation("admin.partners.state"));
        state.setItems(StateChoice.values());
        state.setItemLabelGenerator(choice -> choice == StateChoice.ANY ? getTranslation("admin.state.any")
                : getTranslation("organization.state." + choice));
        state.setValue(StateChoice.ANY);
        state.addValueChangeListener(event -> refresh());
        Button create = new Button(getTranslation("admin.partner.new"), VaadinIcon.PLUS.create(),
                click -> new NewPartnerDialog(administration, created -> refresh()).open());
        create.setId("new-partner");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div bar = new Div(search, state, create);
        bar.addClassName("section-buttons");
        // the row's own width, not its content's, or the search takes half of a shrink-wrapped row on a phone
        bar.setWidthFull();
        return bar;
    }

    private Component list() {
        count.setId("partner-count");
        grid.setId("partners");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::nameLink).setHeader(getTranslation("admin.partner.name")).setKey("name")
                .setFlexGrow(3);
        grid.addComponentColumn(row -> stateTag(this, row.state())).setHeader(getTranslation("admin.partners.state"))
                .setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> getTranslation("admin.partner.customers-count", row.customers()))
                .setHeader(getTranslation("admin.partner.customers")).setKey("customers").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> getTranslation("admin.partner.people-count", row.people()))
                .setHeader(getTranslation("admin.partner.people")).setKey("people").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> {
            Div cell = new Div(nameLink(row), stateTag(this, row.state()),
                    new Span(getTranslation("admin.partner.customers-count", row.customers()) + " · "
                            + getTranslation("admin.partner.people-count", row.people())));
            cell.addClassName("stacked-cell");
            return cell;
        }).setHeader(getTranslation("nav.admin-partners")).setKey("stacked").setVisible(false);
        Div section = new Div(count, grid);
        section.setWidthFull();
        return section;
    }

    private RouterLink nameLink(PartnerRow row) {
        RouterLink link = new RouterLink(row.name(), PartnerAdminView.class,
                new RouteParameters("partnerId", String.valueOf(row.id())));
        link.addClassName("cell-title");
        return link;
    }

    /** On a phone one column tells the whole partner; a wider window gets a column per part. */
    void fitColumns(int windowWidth) {
        boolean narrow = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        for (String key : java.util.List.of("name", "state", "customers", "people")) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
        grid.getColumnByKey("stacked").setVisible(narrow);
    }

    private void refresh() {
        PartnerFilter filter = new PartnerFilter(search.getValue(), Optional.ofNullable(state.getValue())
                .filter(choice -> choice != StateChoice.ANY).map(choice -> OrganizationState.valueOf(choice.name()))
                .orElse(null));
        long total = administration.countPartners(filter);
        count.setText(getTranslation("admin.partners.count", total));
        grid.setEmptyStateText(getTranslation(search.isEmpty() && filter.state() == null ? "admin.partners.none"
                : "admin.partners.no-match"));
        grid.setItems(query -> administration.partners(filter, VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream(), query -> (int) Math.min(Integer.MAX_VALUE, administration.countPartners(filter)));
    }

    static Span stateTag(Component owner, OrganizationState state) {
        Span tag = new Span(owner.getTranslation("organization.state." + state));
        tag.addClassNames("tag", state == OrganizationState.ACTIVE ? "tag-success" : "tag-warning");
        return tag;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin-partners");
    }
}
