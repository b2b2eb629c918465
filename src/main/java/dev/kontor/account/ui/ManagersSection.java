package dev.kontor.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.ManagerService;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipState;
import java.util.Locale;

/**
 * The account's managers with their state and who is contact person or deputy; Add manager, and per manager the
 * actions their state allows. The service refuses what the rules forbid, with a message the error handler shows.
 */
class ManagersSection extends Section {

    private final ManagerService managers;
    private final AccountDetails details;
    private final Runnable onChanged;

    ManagersSection(ManagerService managers, AccountDetails details, Runnable onChanged) {
        this.managers = managers;
        this.details = details;
        this.onChanged = onChanged;
        setId("managers-section");
        addClassName("dialog-section");

        Div heading = new Div(new H3(getTranslation("account.managers")));
        heading.addClassName("section-heading");
        if (details.viewerMayManageUsers()) {
            Button add = new Button(getTranslation("manager.add"), VaadinIcon.PLUS.create(),
                    click -> new AddManagerDialog(managers, details.accountId(), onChanged).open());
            add.setId("add-manager");
            heading.add(add);
        }

        Grid<Member> grid = new Grid<>();
        grid.setId("managers");
        grid.setAriaLabel(getTranslation("account.managers"));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Member::displayName).setHeader(getTranslation("manager.name")).setFlexGrow(2);
        grid.addColumn(Member::email).setHeader(getTranslation("manager.email")).setFlexGrow(3);
        grid.addComponentColumn(this::stateAndRole).setHeader(getTranslation("manager.state")).setFlexGrow(2);
        if (details.viewerMayManageUsers()) {
            grid.addComponentColumn(this::actions).setHeader(getTranslation("manager.actions")).setFlexGrow(3);
        }
        grid.setItems(details.managers());
        grid.setAllRowsVisible(true);
        add(heading, grid);
    }

    private Component stateAndRole(Member member) {
        Div cell = new Div();
        cell.addClassName("tag-cell");
        Span state = new Span(getTranslation("membership.state." + member.state()));
        state.addClassNames("tag", "tag-state-" + member.state().name().toLowerCase(Locale.ROOT));
        cell.add(state);
        if (details.isContactPerson(member)) {
            Span contact = new Span(getTranslation("account.contact-person"));
            contact.addClassNames("tag", "tag-contact");
            cell.add(contact);
        }
        if (details.isDeputy(member)) {
            Span deputy = new Span(getTranslation("account.deputy"));
            deputy.addClassNames("tag", "tag-contact");
            cell.add(deputy);
        }
        return cell;
    }

    private Component actions(Member member) {
        Div cell = new Div();
        cell.addClassName("action-cell");
        Locale language = getLocale();
        if (member.state() == MembershipState.ACTIVE) {
            cell.add(action("deactivate", member, "manager.deactivate",
                    () -> confirm(member, "manager.deactivate.confirm",
                            () -> managers.deactivate(details.accountId(), member.membershipId(), language))));
        }
        if (member.state() == MembershipState.DEACTIVATED) {
            cell.add(action("reactivate", member, "manager.reactivate", () -> {
                managers.reactivate(details.accountId(), member.membershipId());
                onChanged.run();
            }));
        }
        if (member.state() == MembershipState.INVITED) {
            cell.add(action("resend", member, "manager.resend", () -> {
                managers.resendInvitation(details.accountId(), member.membershipId(), language);
                Notification.show(getTranslation("manager.resent", member.email()), 3000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onChanged.run();
            }));
        }
        cell.add(action("remove", member, "manager.remove",
                () -> confirm(member, "manager.remove.confirm",
                        () -> managers.removeManagerRole(details.accountId(), member.membershipId(), language))));
        return cell;
    }

    private Button action(String id, Member member, String labelKey, Runnable run) {
        Button button = new Button(getTranslation(labelKey), click -> run.run());
        button.setId(id + "-" + member.membershipId());
        button.addClassName("manager-action-" + id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(labelKey) + ": " + member.displayName());
        return button;
    }

    private void confirm(Member member, String questionKey, Runnable change) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-manager-change");
        dialog.setHeader(getTranslation(questionKey + ".title"));
        dialog.setText(getTranslation(questionKey, member.displayName(), member.email()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation(questionKey + ".button"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            change.run();
            onChanged.run();
        });
        dialog.open();
    }
}
