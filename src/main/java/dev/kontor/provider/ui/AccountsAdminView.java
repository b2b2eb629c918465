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
import dev.kontor.provider.AccountAdministration;
import dev.kontor.provider.AccountFilter;
import dev.kontor.provider.AccountRow;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;

/**
 * All customer accounts of the provider, for its administrators: searched by number or name and filtered by state
 * in the database, a page at a time, with their partner; New account; each number opens the account's page.
 */
@Route("admin/accounts")
@Menu(title = "nav.admin-accounts", order = 86, icon = "vaadin:building")
@RolesAllowed(Roles.PROVIDER_ADMINISTRATOR)
public class AccountsAdminView extends VerticalLayout implements HasDynamicTitle {

    private final AccountAdministration accounts;
    private final TextField search = new TextField();
    private final Select<OrganizationState> state = new Select<>();
    private final Span count = new Span();
    private final Grid<AccountRow> grid = new Grid<>();

    public AccountsAdminView(AccountAdministration accounts, PartnerAdministration partners) {
        this.accounts = accounts;
        setId("admin-accounts-view");
        Paragraph explained = new Paragraph(getTranslation("admin.accounts.explained"));
        explained.addClassName("section-explanation");
        search.setId("account-search");
        search.setLabel(getTranslation("admin.accounts.search"));
        // wide enough for its label in German too; a phone gives it the row's width (styles.css)
        search.setWidth("min(18rem, 100%)");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setMaxLength(AccountAdministration.NAME_MAX_LENGTH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> refresh());
        state.setId("account-state-filter");
        state.setLabel(getTranslation("admin.partners.state"));
        state.setItems(OrganizationState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("admin.state.any"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("admin.state.any")
                : getTranslation("organization.state." + s));
        state.addValueChangeListener(event -> refresh());
        Button create = new Button(getTranslation("admin.account.new"), VaadinIcon.PLUS.create(),
                click -> new NewAccountDialog(accounts, partners, created -> refresh()).open());
        create.setId("new-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div bar = new Div(search, state, create);
        bar.addClassName("section-buttons");
        // the row's own width, not its content's, or the search takes half of a shrink-wrapped row on a phone
        bar.setWidthFull();
        add(new H2(getTranslation("nav.admin-accounts")), explained, bar, list());
        // on a phone one column tells the whole account: no state cut off at the edge, no name broken mid-word
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
        FormRules.explainConstraints(this);
        refresh();
    }

    private Component list() {
        count.setId("account-count");
        grid.setId("accounts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::numberLink).setHeader(getTranslation("admin.account.number")).setKey("number")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccountRow::name).setHeader(getTranslation("admin.account.name")).setKey("name")
                .setFlexGrow(3);
        grid.addColumn(this::partnerText).setHeader(getTranslation("admin.account.partner")).setKey("partner")
                .setFlexGrow(2);
        grid.addComponentColumn(row -> PartnersAdminView.stateTag(this, row.state()))
                .setHeader(getTranslation("admin.partners.state")).setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> {
            Div cell = new Div(numberLink(row), new Span(row.name()), new Span(partnerText(row)),
                    PartnersAdminView.stateTag(this, row.state()));
            cell.addClassName("stacked-cell");
            return cell;
        }).setHeader(getTranslation("nav.admin-accounts")).setKey("stacked").setVisible(false);
        Div section = new Div(count, grid);
        section.setWidthFull();
        return section;
    }

    private RouterLink numberLink(AccountRow row) {
        RouterLink link = new RouterLink(row.customerNumber(), AccountAdminView.class,
                new RouteParameters("customerNumber", row.customerNumber()));
        link.addClassName("cell-title");
        return link;
    }

    private String partnerText(AccountRow row) {
        return row.partnerName() == null ? getTranslation("admin.account.no-partner")
                : row.partners() > 1 ? getTranslation("admin.account.partner-and-more", row.partnerName(),
                row.partners() - 1) : row.partnerName();
    }

    /** On a phone one column tells the whole account; a wider window gets a column per part. */
    void fitColumns(int windowWidth) {
        boolean narrow = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        for (String key : java.util.List.of("number", "name", "partner", "state")) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
        grid.getColumnByKey("stacked").setVisible(narrow);
    }

    private void refresh() {
        AccountFilter filter = new AccountFilter(search.getValue(), state.getValue());
        count.setText(getTranslation("admin.accounts.count", accounts.countAccounts(filter)));
        grid.setEmptyStateText(getTranslation(search.isEmpty() && filter.state() == null ? "admin.accounts.none"
                : "admin.accounts.no-match"));
        grid.setItems(query -> accounts.accounts(filter, VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream(), query -> (int) Math.min(Integer.MAX_VALUE, accounts.countAccounts(filter)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin-accounts");
    }
}
