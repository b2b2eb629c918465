package dev.kontor.account.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.kontor.base.SignedInPerson;
import dev.kontor.organization.MyOrganization;
import dev.kontor.organization.OrganizationService;
import jakarta.annotation.security.PermitAll;

/** The start page: every organization the signed-in person belongs to, and their role in it. */
@Route("")
@Menu(title = "nav.dashboard", order = 0, icon = "vaadin:dashboard")
@PermitAll
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    public DashboardView(OrganizationService organizations, AuthenticationContext authenticationContext) {
        setId("dashboard");
        addClassName("dashboard");
        String name = authenticationContext.getAuthenticatedUser(SignedInPerson.class)
                .map(SignedInPerson::displayName).orElse("");
        H2 greeting = new H2(getTranslation("dashboard.greeting", name));
        Paragraph intro = new Paragraph(getTranslation("dashboard.intro"));

        Grid<MyOrganization> grid = new Grid<>();
        grid.setId("my-organizations");
        grid.setAriaLabel(getTranslation("dashboard.organizations"));
        grid.addColumn(o -> o.customerNumber() == null ? "" : o.customerNumber())
                .setHeader(getTranslation("dashboard.column.customer-number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MyOrganization::name).setHeader(getTranslation("dashboard.column.name")).setFlexGrow(1);
        grid.addColumn(o -> getTranslation("organization.kind." + o.kind()))
                .setHeader(getTranslation("dashboard.column.kind")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("membership.role." + o.role()))
                .setHeader(getTranslation("dashboard.column.role")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("dashboard.empty"));
        grid.setItemsPageable(pageable -> organizations.myOrganizations(pageable).getContent());

        setSizeFull();
        add(greeting, intro, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
