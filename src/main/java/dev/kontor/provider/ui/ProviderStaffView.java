package dev.kontor.provider.ui;

import dev.kontor.user.Callers;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.ui.Notices;
import dev.kontor.organization.OrganizationDirectory;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.organization.ui.SecondFactorSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
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
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.PersonRowActions;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.StaffFilter;
import dev.kontor.provider.ProviderStaff;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * Provider staff, for the provider's administrators: the support staff and provider administrators, filtered by name
 * or address, role and state in the database and paged as the grid scrolls, with how many match; Invite person, and
 * on each row what fits its state (resend or withdraw an invitation, deactivate, reactivate). One's own row has no
 * actions: nobody changes their own role.
 */
@Route("admin/staff")
@Menu(title = "nav.staff", order = 87, icon = "vaadin:users")
@RolesAllowed(Roles.PROVIDER_ADMINISTRATOR)
public class ProviderStaffView extends VerticalLayout implements HasDynamicTitle {

    private final ProviderStaff staff;
    private final TextField filter = new TextField();
    private final Select<MembershipRole> role = new Select<>();
    private final Select<MembershipState> state = new Select<>();
    private final Paragraph count = new Paragraph();
    private final Grid<Member> grid = new Grid<>();
    /** On a phone the person's column also tells role and state, whose own column is hidden. */
    private boolean narrow;
    private final long me;
    /** Who has no second factor (read once for the whole staff, not per row), and the reset of a lost one. */
    private final SecondFactorSection secondFactor;

    public ProviderStaffView(ProviderStaff staff, SecondFactorPolicy secondFactors, OrganizationDirectory directory,
                             Callers callers) {
        this.me = callers.requirePerson().userId();
        this.staff = staff;
        setId("provider-staff-view");
        long provider = directory.administeredProvider().orElseThrow(AccessRefused::new);
        secondFactor = new SecondFactorSection(secondFactors, provider, getTranslation("nav.staff"), me,
                this::refresh);

        Paragraph explained = new Paragraph(getTranslation("staff.explained"));
        explained.addClassName("section-explanation");
        Button invite = new Button(getTranslation("staff.invite"), VaadinIcon.PLUS.create(),
                click -> new InviteStaffDialog(staff, this::refresh).open());
        invite.setId("invite-staff");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(invite);
        actions.addClassName("section-buttons");

        // a heading like every other page's, with Invite beside it
        com.vaadin.flow.component.html.H2 heading = new com.vaadin.flow.component.html.H2(getTranslation("nav.staff"));
        Div top = new Div(heading, actions);
        top.addClassName("section-heading");
        add(top, explained, filters(), count, configuredGrid(), secondFactor);
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
        FormRules.explainConstraints(this);
        setFlexGrow(1, grid);
        refresh();
    }

    private Component filters() {
        filter.setId("staff-filter");
        filter.setLabel(getTranslation("staff.filter"));
        filter.setWidth("min(22rem, 100%)");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setMaxLength(FormRules.FILTER_MAX_LENGTH);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(event -> refresh());
        role.setId("staff-role-filter");
        role.setLabel(getTranslation("staff.filter.role"));
        role.setItems(MembershipRole.SUPPORT, MembershipRole.PROVIDER_ADMINISTRATOR);
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("staff.filter.role.all"));
        role.setItemLabelGenerator(r -> r == null ? getTranslation("staff.filter.role.all")
                : getTranslation("membership.role." + r));
        role.addValueChangeListener(event -> refresh());
        state.setId("staff-state-filter");
        state.setLabel(getTranslation("staff.filter.state"));
        state.setItems(MembershipState.INVITED, MembershipState.ACTIVE, MembershipState.DEACTIVATED);
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("staff.filter.state.all"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("staff.filter.state.all")
                : getTranslation("staff.state." + s));
        state.addValueChangeListener(event -> refresh());
        Div filters = new Div(filter, role, state);
        filters.addClassName("section-buttons");
        // the row's own width, not its content's: a shrink-wrapped row wrapped the State filter at 1366 px
        filters.setWidthFull();
        return filters;
    }

    private Grid<Member> configuredGrid() {
        grid.setId("provider-staff");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // name and address in one column, role and state in another: on a phone they still show beside the actions
        grid.addComponentColumn(member -> narrow ? phoneCell(member) : personCell(member))
                .setHeader(getTranslation("staff.column.person")).setKey("person").setWidth("11rem").setFlexGrow(3);
        grid.addComponentColumn(this::roleCell).setHeader(getTranslation("staff.column.role")).setKey("role")
                .setWidth("8rem").setFlexGrow(1);
        // frozen at the row's end: however narrow the window, the actions never scroll out of sight
        grid.addComponentColumn(this::actionsOf).setHeader(getTranslation("staff.column.actions")).setKey("actions")
                .setTextAlign(ColumnTextAlign.END).setWidth("11.5rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("staff.none"));
        return grid;
    }

    /**
     * On a phone the row is its person, with role and state below, beside the frozen actions, and the person takes
     * the rest of the width: half a role column showing between them looked broken. A wider window gets both columns.
     */
    void fitColumns(int windowWidth) {
        boolean phone = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        if (phone == narrow) {
            return;
        }
        narrow = phone;
        grid.getColumnByKey("role").setVisible(!phone);
        grid.getColumnByKey("person").setWidth(phone ? "8rem" : "11rem");
        grid.getDataProvider().refreshAll();
    }

    /** On a phone: the person, then their role and state. */
    private Component phoneCell(Member member) {
        Div cell = new Div(personCell(member), roleCell(member));
        cell.addClassName("stacked-cell");
        return cell;
    }

    private Component personCell(Member member) {
        Span name = new Span(member.userId() == me ? member.displayName() + " " + getTranslation("staff.you")
                : member.displayName());
        name.addClassName("cell-title");
        Span email = new Span(member.email());
        email.addClassName("cell-detail");
        Div cell = new Div(name, email);
        cell.addClassName("customer-cell");
        return cell;
    }

    private Component roleCell(Member member) {
        Span role = new Span(getTranslation("membership.role." + member.role()));
        Span state = new Span(getTranslation("staff.state." + member.state()));
        state.addClassNames("tag", member.state() == MembershipState.ACTIVE ? "tag-success"
                : "tag-state-" + member.state().name().toLowerCase(Locale.ROOT));
        Div cell = new Div(role, state);
        secondFactor.badge(member).ifPresent(cell::add);
        cell.addClassName("staff-role-cell");
        return cell;
    }

    void refresh() {
        StaffFilter current = new StaffFilter(filter.getValue(), role.getValue(), state.getValue());
        long total = staff.count(current);
        count.setText(getTranslation("staff.count", total));
        count.setId("staff-count");
        grid.setItems(query -> staff.list(current, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, staff.count(current)));
    }

    private Component actionsOf(Member member) {
        Div cell = new Div();
        cell.addClassName("action-cell");
        if (member.userId() == me) {
            return cell;
        }
        Locale language = getLocale();
        secondFactor.resetAction(member, this::refresh).ifPresent(cell::add);
        switch (member.state()) {
            case INVITED -> {
                // sending mail: off from the click until the server answers, then ready for another try later
                cell.add(SlowAction.on(action("resend-staff", member, "staff.resend"), () -> {
                    staff.resendInvitation(member.membershipId(), language);
                    done("staff.resent", member.email());
                    return false;
                }));
                cell.add(withClick(action("remove-staff", member, "staff.remove-invitation"),
                        () -> PersonRowActions.ask(this, "confirm-staff-change", "staff.remove-invitation.ask",
                                "error primary", () -> changed(() -> staff.removeInvitation(member.membershipId()),
                                        "staff.removed", member.displayName()),
                                member.displayName(), member.email())));
            }
            case ACTIVE -> cell.add(withClick(action("deactivate-staff", member, "staff.deactivate"),
                    () -> PersonRowActions.ask(this, "confirm-staff-change", "staff.deactivate.ask", "error primary",
                            () -> changed(() -> staff.deactivate(member.membershipId()), "staff.deactivated",
                                    member.displayName()),
                            member.displayName(), member.email(), getTranslation("membership.role." + member.role()))));
            case DEACTIVATED -> cell.add(withClick(action("reactivate-staff", member, "staff.reactivate"),
                    () -> changed(() -> staff.reactivate(member.membershipId()), "staff.reactivated",
                            member.displayName(), getTranslation("membership.role." + member.role()))));
            case APPROVAL_PENDING -> {
                // the provider's own people never wait for a customer's approval
            }
        }
        return cell;
    }

    /** Runs a change and shows the list as it is now, also when the change was refused (someone was quicker). */
    private void changed(Runnable change, String doneKey, Object... arguments) {
        try {
            change.run();
            done(doneKey, arguments);
        } finally {
            refresh();
        }
    }

    private void done(String key, Object... arguments) {
        Notices.success(getTranslation(key, arguments));
    }

    private Button action(String id, Member member, String labelKey) {
        return PersonRowActions.action(this, id, member.membershipId(), member.displayName(), labelKey, () -> { });
    }

    private static Button withClick(Button button, Runnable run) {
        button.addClickListener(click -> run.run());
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.staff");
    }
}
