package dev.kontor.provider.ui;

import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.LabelInName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.LineBreaks;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.Notices;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationState;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.PartnerCustomerRow;
import dev.kontor.provider.PartnerPerson;
import dev.kontor.provider.PartnerRow;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * One partner, for the provider's administrators: its state with Suspend or Reactivate, the customer accounts it
 * manages, and its people with Invite legal representative and Deactivate. The id in the address is checked by the
 * service like any other.
 */
@Route("admin/partners/:partnerId")
@RolesAllowed(Roles.PROVIDER_ADMINISTRATOR)
public class PartnerAdminView extends VerticalLayout implements BeforeEnterObserver,
        dev.kontor.base.ui.TitledByName {

    private final PartnerAdministration administration;
    private PartnerRow partner;
    /** Whether the window is a phone's: its lists then show one stacked column (beside the frozen action). */
    private boolean narrow;
    private Grid<PartnerCustomerRow> customersGrid;
    private Grid<PartnerPerson> peopleGrid;

    public PartnerAdminView(PartnerAdministration administration) {
        this.administration = administration;
        setId("admin-partner-view");
        // on a phone the people and customers stack like the provider's other lists: nothing cut off at the edge
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
    }

    /**
     * On a phone each customer and each person is one stacked column (the person's with name, address, role and
     * state, beside the frozen Deactivate), as the provider's other lists are; a wider window gets a column per part.
     */
    void fitColumns(int windowWidth) {
        narrow = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        dev.kontor.base.ui.WindowWidth.stackOnPhone(customersGrid, narrow, "number", "name", "state");
        dev.kontor.base.ui.WindowWidth.stackOnPhone(peopleGrid, narrow, "name", "email", "role", "state");
    }


    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("partnerId").flatMap(PartnerAdminView::parseId);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        partner = administration.partner(id.get());
        show();
    }

    private void show() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("admin.partner.back"), PartnersAdminView.class);
        back.setId("back-to-partners");
        H2 title = dev.kontor.base.ui.TitledByName.oneLine(new H2(partner.name()), partner.name());
        title.setId("partner-title");
        Div facts = new Div(PartnersAdminView.stateTag(this, partner.state()),
                new Span(getTranslation("admin.partner.customers-count", partner.customers())),
                new Span(getTranslation("admin.partner.people-count", partner.people())));
        facts.addClassName("section-buttons");
        facts.setId("partner-facts");
        add(back, title, facts);
        if (partner.state() == OrganizationState.SUSPENDED) {
            Paragraph suspended = new Paragraph(getTranslation("admin.partner.suspended-explained"));
            suspended.setId("partner-suspended-note");
            suspended.addClassName("section-explanation");
            add(suspended);
        }
        add(stateButtons(), customers(), people());
    }

    private Component stateButtons() {
        Button change;
        if (partner.state() == OrganizationState.ACTIVE) {
            change = new Button(getTranslation("admin.partner.suspend"), VaadinIcon.BAN.create(),
                    click -> confirmSuspend());
            change.setId("suspend-partner");
            change.addThemeVariants(ButtonVariant.LUMO_ERROR);
        } else {
            change = new Button(getTranslation("admin.partner.reactivate"), VaadinIcon.CHECK.create(), click -> {
                if (appliedAsSeen(() -> administration.reactivate(partner.id(), partner.version()))) {
                    done("admin.partner.reactivated");
                }
            });
            change.setId("reactivate-partner");
            change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        Button invite = new Button(getTranslation("admin.partner.invite-representative"),
                VaadinIcon.ENVELOPE.create(), click -> new InviteRepresentativeDialog(administration, partner,
                this::reload).open());
        invite.setId("invite-representative");
        Div buttons = new Div(change, invite);
        buttons.addClassName("section-buttons");
        return buttons;
    }

    private void confirmSuspend() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-suspend-partner");
        confirm.setHeader(getTranslation("admin.partner.suspend.title", partner.name()));
        TextField reason = new TextField(getTranslation("admin.partner.suspend.reason"));
        reason.setId("suspend-reason");
        reason.setMaxLength(PartnerAdministration.REASON_MAX_LENGTH);
        reason.setWidthFull();
        confirm.add(new Paragraph(getTranslation("admin.partner.suspend.explained")), reason);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("admin.partner.suspend"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            // the confirmation closes with its click, so a refused reason is said in a notice
            if (!InputRefusals.of(this).call(() -> appliedAsSeen(() -> administration.suspend(partner.id(),
                    partner.version(), reason.getValue()))).orElse(false)) {
                return;
            }
            done("admin.partner.suspended");
        });
        FormRules.explainConstraints(confirm);
        DialogKeys.cancelFirst(confirm);
        confirm.open();
    }

    private Component customers() {
        Grid<PartnerCustomerRow> grid = new Grid<>();
        grid.setId("partner-customers");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(PartnerCustomerRow::customerNumber).setHeader(getTranslation("admin.account.number"))
                .setKey("number").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PartnerCustomerRow::name).setHeader(getTranslation("admin.account.name")).setKey("name")
                .setFlexGrow(2);
        grid.addComponentColumn(row -> PartnersAdminView.stateTag(this, row.state()))
                .setHeader(getTranslation("admin.partners.state")).setKey("state").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> {
            Span name = LineBreaks.customer(row.name(), row.customerNumber());
            name.addClassName("cell-title");
            Div cell = new Div(name, PartnersAdminView.stateTag(this, row.state()));
            cell.addClassName("stacked-cell");
            return cell;
        }).setHeader(getTranslation("admin.partner.customers")).setKey("stacked").setVisible(false);
        customersGrid = grid;
        dev.kontor.base.ui.WindowWidth.stackOnPhone(grid, narrow, "number", "name", "state");
        grid.setEmptyStateText(getTranslation("admin.partner.no-customers"));
        long partnerId = partner.id();
        grid.setItems(query -> administration.customersOf(partnerId,
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setHeight("16rem");
        Div section = new Div(new H3(getTranslation("admin.partner.customers")), grid);
        section.setWidthFull();
        return section;
    }

    private Component people() {
        Grid<PartnerPerson> grid = new Grid<>();
        grid.setId("partner-people");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(PartnerPerson::name).setHeader(getTranslation("admin.person.name")).setKey("name")
                .setFlexGrow(2);
        // an address breaks after its "@" or a dot, never mid-word
        grid.addComponentColumn(p -> LineBreaks.email(p.email())).setHeader(getTranslation("admin.person.email"))
                .setKey("email").setFlexGrow(2);
        grid.addColumn(p -> getTranslation("membership.role." + p.role())).setHeader(getTranslation("admin.person.role"))
                .setKey("role").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::stateTag).setHeader(getTranslation("admin.person.state")).setKey("state")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(p -> {
            Span name = new Span(p.name());
            name.addClassName("cell-title");
            Span email = LineBreaks.email(p.email());
            email.addClassName("cell-detail");
            Span role = new Span(getTranslation("membership.role." + p.role()));
            role.addClassName("cell-detail");
            Div cell = new Div(name, email, role, stateTag(p));
            cell.addClassName("stacked-cell");
            return cell;
        }).setHeader(getTranslation("admin.partner.people")).setKey("stacked").setFlexGrow(1).setVisible(false);
        // frozen at the row's end: however narrow the window, Deactivate never scrolls out of sight
        grid.addComponentColumn(this::deactivateButton).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        peopleGrid = grid;
        dev.kontor.base.ui.WindowWidth.stackOnPhone(grid, narrow, "name", "email", "role", "state");
        grid.setItems(administration.peopleOf(partner.id()));
        grid.setAllRowsVisible(true);
        Div section = new Div(new H3(getTranslation("admin.partner.people")), grid);
        section.setWidthFull();
        return section;
    }

    private Span stateTag(PartnerPerson person) {
        Span tag = new Span(getTranslation("membership.state." + person.state()));
        tag.addClassNames("tag", "tag-state-" + person.state().name().toLowerCase(java.util.Locale.ROOT));
        return tag;
    }

    private Component deactivateButton(PartnerPerson person) {
        if (person.state() == MembershipState.DEACTIVATED) {
            return new Span();
        }
        Button deactivate = new Button(getTranslation("admin.person.deactivate"), click -> {
            if (appliedAsSeen(() -> administration.deactivateMember(partner.id(), person.membershipId(),
                    person.version()))) {
                done("admin.person.deactivated");
            }
        });
        deactivate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        deactivate.setId("deactivate-" + person.membershipId());
        deactivate.getElement().setAttribute("aria-label", LabelInName.of(getTranslation("admin.person.deactivate"),
                getTranslation("admin.person.in-role", person.name(),
                        getTranslation("membership.role." + person.role()))));
        if (person.role() == MembershipRole.LEGAL_REPRESENTATIVE) {
            deactivate.addClassName("deactivate-representative");
        }
        return deactivate;
    }

    private boolean appliedAsSeen(Runnable change) {
        return ChangeAsSeen.applied(change, "admin.partner.changed-meanwhile", this::reload);
    }

    private void done(String messageKey) {
        Notices.success(getTranslation(messageKey, partner.name()));
        reload();
    }

    private void reload() {
        partner = administration.partner(partner.id());
        show();
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return partner == null ? getTranslation("nav.admin-partners") : partner.name();
    }
}
