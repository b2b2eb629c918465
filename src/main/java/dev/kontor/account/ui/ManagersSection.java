package dev.kontor.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.ManagerService;
import dev.kontor.base.ui.PersonRowActions;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipApproval;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.ui.PersonRow;
import dev.kontor.organization.ui.SecondFactorSection;
import java.util.Locale;

/**
 * The account's managers with their state and who is contact person or deputy; Add manager, and per manager the
 * actions their state allows. A manager whom a partner invited is marked with the partner's name until approved;
 * once they have accepted, those who may decide see Approve and Refuse. The service refuses what the rules forbid, with a message the error handler shows.
 */
class ManagersSection extends Section {

    private final ManagerService managers;
    private final AccountDetails details;
    /** Draws the dialog anew after a change, keeping the person at the place (an element's id) where they made it. */
    private final java.util.function.Consumer<String> changedAt;
    private final java.util.Map<Long, java.util.Set<dev.kontor.contact.ContactType>> contactTypes;
    /** The managers a partner invited and nobody has approved yet, by membership id. */
    private final java.util.Map<Long, MembershipApproval> approvals;
    /** Who has no second factor (read once for the whole list), and the reset of a lost one for a manager. */
    private final SecondFactorSection secondFactor;

    ManagersSection(ManagerService managers, AccountDetails details,
                    java.util.Map<Long, java.util.Set<dev.kontor.contact.ContactType>> contactTypes,
                    SecondFactorSection secondFactor, java.util.function.Consumer<String> changedAt) {
        this.managers = managers;
        this.secondFactor = secondFactor;
        this.contactTypes = contactTypes;
        this.details = details;
        this.changedAt = changedAt;
        this.approvals = managers.approvals(details.accountId()).stream()
                .collect(java.util.stream.Collectors.toMap(MembershipApproval::membershipId, a -> a));
        setId("managers-section");
        addClassName("dialog-section");

        Div heading = new Div(new H3(getTranslation("account.managers")));
        heading.addClassName("section-heading");
        if (details.viewerMayManageUsers()) {
            Button add = new Button(getTranslation("manager.add"), VaadinIcon.PLUS.create(),
                    click -> new AddManagerDialog(managers, details.accountId(),
                            () -> changedAt.accept("add-manager")).open());
            add.setId("add-manager");
            heading.add(add);
        }

        // one account's managers are few and come in one query: a plain list that wraps well on a phone
        Div list = PersonRow.list();
        list.setId("managers");
        list.getElement().setAttribute("aria-label", getTranslation("account.managers"));
        for (Member member : details.managers()) {
            list.add(row(member));
        }
        add(heading);
        approvalHint().ifPresent(this::add);
        add(list);
    }

    /**
     * Says how many managers wait for approval: to those who decide, with what to weigh; to everyone else (a partner
     * working in the account, say), who decides.
     */
    private java.util.Optional<Component> approvalHint() {
        long waiting = approvals.values().stream().filter(MembershipApproval::awaitsDecision).count();
        if (waiting == 0) {
            return java.util.Optional.empty();
        }
        boolean decides = approvals.values().stream().anyMatch(MembershipApproval::mayDecide);
        Paragraph hint = new Paragraph(getTranslation(decides ? "manager.approval.waiting-for-you"
                : "manager.approval.waiting-for-managers", waiting));
        hint.setId("managers-approval-hint");
        hint.addClassName("hint");
        return java.util.Optional.of(hint);
    }

    private Component row(Member member) {
        Div row = PersonRow.of(rowId(member), member, stateAndRole(member));
        if (details.viewerMayManageUsers()) {
            row.add(actions(member));
        }
        return row;
    }

    private Component stateAndRole(Member member) {
        Div cell = PersonRow.tags(this, member, approvals.get(member.membershipId()), secondFactor);
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
        // the Users list's Contact types column: what this manager is a contact for
        java.util.Set<dev.kontor.contact.ContactType> types = contactTypes.getOrDefault(member.userId(),
                java.util.Set.of());
        if (!types.isEmpty()) {
            cell.add(dev.kontor.contact.ui.ContactTags.of(this, types));
        }
        return cell;
    }

    private Component actions(Member member) {
        Runnable onChanged = () -> changedAt.accept(rowId(member));
        Div cell = PersonRow.actions(member, secondFactor, onChanged);
        Locale language = getLocale();
        if (member.state() == MembershipState.ACTIVE && details.isContactPerson(member)) {
            cell.add(PersonRow.staysUntil(this, "contact-person-stays-" + member.membershipId(),
                    "manager.contact-person-stays"));
            return cell;
        }
        // the deputy's question says that the account loses its deputy with them (the service clears it)
        String deputy = details.isDeputy(member) ? "-deputy" : "";
        if (member.state() == MembershipState.ACTIVE) {
            cell.add(action("deactivate", member, "manager.deactivate",
                    () -> confirm(member, "manager.deactivate.confirm" + deputy, "manager.deactivated",
                            () -> managers.deactivate(details.accountId(), member.membershipId(), language))));
        }
        if (member.state() == MembershipState.DEACTIVATED) {
            cell.add(action("reactivate", member, "manager.reactivate", () -> {
                managers.reactivate(details.accountId(), member.membershipId());
                done("manager.reactivated", member);
                onChanged.run();
            }));
        }
        if (member.state() == MembershipState.INVITED) {
            // sending mail: off from the click until the server answers; the list is then drawn anew
            cell.add(SlowAction.on(action("resend", member, "manager.resend", () -> { }), () -> {
                managers.resendInvitation(details.accountId(), member.membershipId(), language);
                Notices.successAbove(getTranslation("manager.resent", member.email()));
                onChanged.run();
                return true;
            }));
        }
        if (member.state() == MembershipState.APPROVAL_PENDING) {
            MembershipApproval approval = approvals.get(member.membershipId());
            if (approval != null && approval.mayDecide()) {
                cell.add(decision("approve", member, "membership.approve", "confirm-manager-approval",
                        "manager.approve.confirm", "primary", approval,
                        () -> managers.approve(details.accountId(), member.membershipId()), "manager.approved"));
                cell.add(decision("refuse", member, "membership.refuse", "confirm-manager-refusal",
                        "manager.refuse.confirm", "error primary", approval,
                        () -> managers.refuse(details.accountId(), member.membershipId()), "manager.refused"));
                return cell;
            }
        }
        // someone who never accepted holds no role yet: what is taken back is the invitation (its link stops working)
        boolean invited = member.state() == MembershipState.INVITED;
        String remove = invited ? "manager.withdraw" : "manager.remove";
        cell.add(action("remove", member, remove,
                () -> confirm(member, remove + ".confirm" + deputy, invited ? "manager.withdrawn" : "manager.removed",
                        () -> managers.removeManagerRole(details.accountId(), member.membershipId(), language))));
        return cell;
    }

    /** Approve or Refuse (see {@link PersonRow#decision}). */
    private Button decision(String id, Member member, String labelKey, String dialogId, String questionKey,
                            String confirmTheme, MembershipApproval approval, Runnable decide, String doneKey) {
        Button button = PersonRow.decision(this, id, member, labelKey, dialogId, questionKey, confirmTheme, approval,
                decide, doneKey, () -> changedAt.accept(rowId(member)));
        button.addClassName("manager-action-" + id);
        return button;
    }

    private Button action(String id, Member member, String labelKey, Runnable run) {
        Button button = PersonRowActions.action(this, id, member.membershipId(), member.displayName(), labelKey, run);
        button.addClassName("manager-action-" + id);
        return button;
    }

    private static String rowId(Member member) {
        return "manager-" + member.membershipId();
    }

    /**
     * What became of the person, said once the list is drawn anew (the list alone changes only a tag); at the top, as
     * the list is brought to the middle of the dialog: a notice at the bottom would cover the rows below.
     */
    private void done(String doneKey, Member member) {
        Notices.successAbove(getTranslation(doneKey, member.displayName()));
    }

    private void confirm(Member member, String questionKey, String doneKey, Runnable change) {
        PersonRowActions.confirm(this, "confirm-manager-change", questionKey, member.displayName(), member.email(),
                () -> {
                    change.run();
                    done(doneKey, member);
                    if (details.isViewer(member)) {
                        // whoever takes away their own manager role leaves the account with it
                        AccountNavigation.toDashboard(com.vaadin.flow.component.UI.getCurrent());
                    } else {
                        // a removed person's row is gone: the place is the list they were in
                        changedAt.accept("manager.removed".equals(doneKey) ? "managers" : rowId(member));
                    }
                });
    }
}
