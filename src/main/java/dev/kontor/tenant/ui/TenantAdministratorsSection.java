package dev.kontor.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipApproval;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.ui.PersonRow;
import dev.kontor.tenant.TenantAdministrators;
import dev.kontor.tenant.TenantDetails;
import dev.kontor.base.ui.PersonRowActions;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.ui.ContactTags;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

/**
 * The tenant's administrators: who they are and their state, Add administrator, and per administrator what their
 * state allows. Until one is active, a customer's tenant is marked not ready for handover. An administrator whom a partner
 * invited is marked with the partner's name until approved; once they have accepted, those who may decide (the
 * tenant's own administrators, the customer's managers) see Approve and Refuse.
 */
class TenantAdministratorsSection extends Div {

    private final TenantAdministrators administrators;
    private final TenantDetails tenant;
    private final transient Runnable onChanged;
    private final Map<Long, Set<ContactType>> contactTypes;
    /** The administrators a partner invited and nobody has approved yet, by membership id. */
    private final Map<Long, MembershipApproval> approvals;
    /** Who has no second factor (read once for the whole list), and the reset of a lost one for a lead. */
    private final dev.kontor.organization.ui.SecondFactorSection secondFactor;
    /** The person reading the list, to whom a question about their own row speaks. */
    private final long reader;

    TenantAdministratorsSection(TenantAdministrators administrators, TenantDetails tenant,
                                Map<Long, Set<ContactType>> contactTypes,
                                dev.kontor.organization.ui.SecondFactorSection secondFactor, long reader,
                                Runnable onChanged) {
        this.reader = reader;
        this.administrators = administrators;
        this.secondFactor = secondFactor;
        this.contactTypes = contactTypes;
        this.tenant = tenant;
        this.onChanged = onChanged;
        setId("tenant-administrators");
        addClassName("card-section");
        List<Member> members = administrators.list(tenant.id());
        this.approvals = administrators.approvals(tenant.id()).stream()
                .collect(java.util.stream.Collectors.toMap(MembershipApproval::membershipId, a -> a));

        Div heading = new Div(new H3(getTranslation("tenant.admin.title")));
        heading.addClassName("section-heading");
        if (tenant.mayManage()) {
            Button add = new Button(getTranslation("tenant.admin.add"), VaadinIcon.USER_STAR.create(),
                    click -> new AddAdministratorDialog(administrators, tenant.id(), tenant.name(),
                            tenant.activeAdministrators(), onChanged).open());
            add.setId("add-administrator");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Div buttons = new Div(add);
            buttons.addClassName("section-buttons");
            heading.add(buttons);
        }
        add(heading);

        Paragraph readiness = new Paragraph(!tenant.readyForHandover()
                ? getTranslation("tenant.not-ready.explained")
                : tenant.activeAdministrators() == 0 ? getTranslation("tenant.admin.none-yet")
                : getTranslation("tenant.admin.count", tenant.activeAdministrators()));
        readiness.setId("handover-readiness");
        readiness.addClassName(tenant.readyForHandover() ? "section-explanation" : "hint");
        Paragraph advice = new Paragraph(getTranslation("tenant.admin.advice",
                TenantAdministrators.RECOMMENDED_MAXIMUM));
        advice.addClassName("section-explanation");
        add(readiness, advice);
        long waiting = approvals.values().stream().filter(MembershipApproval::awaitsDecision).count();
        if (waiting > 0) {
            boolean decides = approvals.values().stream().anyMatch(MembershipApproval::mayDecide);
            Paragraph hint = new Paragraph(getTranslation(decides ? "tenant.admin.approval.waiting-for-you"
                    : "tenant.admin.approval.waiting-for-customer", waiting));
            hint.setId("administrators-approval-hint");
            hint.addClassName("hint");
            add(hint);
        }

        Div list = PersonRow.list();
        members.forEach(member -> list.add(row(member)));
        add(list);
        if (members.isEmpty() && tenant.mayManage()) {
            Paragraph none = new Paragraph(getTranslation("tenant.admin.none"));
            none.setId("no-administrators");
            none.addClassName("empty-state");
            add(none);
        }
    }

    private Component row(Member member) {
        Div tags = PersonRow.tags(this, member, approvals.get(member.membershipId()), secondFactor);
        Set<ContactType> types = contactTypes.getOrDefault(member.userId(), Set.of());
        if (!types.isEmpty()) {
            tags.add(ContactTags.of(this, types));
        }
        Div row = PersonRow.of("administrator-" + member.membershipId(), member, tags);
        if (tenant.mayManage()) {
            row.add(actions(member));
        }
        return row;
    }

    private Component actions(Member member) {
        Div cell = PersonRow.actions(member, secondFactor, onChanged);
        Locale language = getLocale();
        if (member.state() == MembershipState.INVITED) {
            // sending mail: off from the click until the server answers, then ready for another try later
            cell.add(SlowAction.on(action("resend", member, "tenant.admin.resend", () -> { }), () -> {
                administrators.resend(tenant.id(), member.membershipId(), language);
                Notices.success(getTranslation("tenant.admin.sent", member.email()));
                return false;
            }));
        }
        if (member.state() == MembershipState.ACTIVE && tenant.activeAdministrators() <= 1) {
            cell.add(PersonRow.staysUntil(this, "last-administrator-stays-" + member.membershipId(),
                    "tenant.admin.last-active-stays"));
            return cell;
        }
        if (member.state() == MembershipState.ACTIVE) {
            cell.add(action("deactivate", member, "manager.deactivate", () -> confirm(member,
                    "tenant.admin.deactivate.confirm", () -> administrators.deactivate(tenant.id(),
                            member.membershipId()))));
        }
        if (member.state() == MembershipState.DEACTIVATED) {
            cell.add(action("reactivate", member, "manager.reactivate", () -> {
                administrators.reactivate(tenant.id(), member.membershipId());
                onChanged.run();
            }));
        }
        MembershipApproval approval = approvals.get(member.membershipId());
        if (member.state() == MembershipState.APPROVAL_PENDING && approval != null && approval.mayDecide()) {
            cell.add(decision("approve", member, "membership.approve", "confirm-administrator-approval",
                    "tenant.admin.approve.confirm", "primary", approval,
                    () -> administrators.approve(tenant.id(), member.membershipId()), "tenant.admin.approved"));
            cell.add(decision("refuse", member, "membership.refuse", "confirm-administrator-refusal",
                    "tenant.admin.refuse.confirm", "error primary", approval,
                    () -> administrators.refuse(tenant.id(), member.membershipId()), "tenant.admin.refused"));
            return cell;
        }
        cell.add(action("remove", member, "tenant.admin.remove", () -> confirm(member,
                "tenant.admin.remove.confirm", () -> administrators.remove(tenant.id(), member.membershipId()))));
        return cell;
    }

    /** Approve or Refuse (see {@link PersonRow#decision}). */
    private Button decision(String id, Member member, String labelKey, String dialogId, String questionKey,
                            String confirmTheme, MembershipApproval approval, Runnable decide, String doneKey) {
        return PersonRow.decision(this, id, member, labelKey, dialogId, questionKey, confirmTheme, approval, decide,
                doneKey, onChanged);
    }

    private Button action(String id, Member member, String labelKey, Runnable run) {
        return PersonRowActions.action(this, id, member.membershipId(), member.displayName(), labelKey, run);
    }

    private void confirm(Member member, String questionKey, Runnable change) {
        // on one's own row the question speaks to the reader, not about them
        boolean own = reader == member.userId();
        PersonRowActions.confirm(this, "confirm-administrator-change", own ? questionKey + "-own" : questionKey,
                member.displayName(),
                member.email(), () -> {
                    change.run();
                    onChanged.run();
                });
    }
}
