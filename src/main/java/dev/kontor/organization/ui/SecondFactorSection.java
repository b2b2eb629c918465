package dev.kontor.organization.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.PersonRowActions;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.organization.SecondFactorRequirement;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * An organization's two-factor sign-in: whether it requires a second factor of everyone (its own switch, or the name
 * of the organization above that requires it, which cannot be switched off here), how many active members have none,
 * and Remind them. Its leads change it; everyone else who may see the organization reads it. Lists of the
 * organization's people mark who has none and offer a lead Reset second factor through {@link #badge} and
 * {@link #resetAction}, with the members without one read once for the whole list.
 */
@NamedInterface("organization-components")
public class SecondFactorSection extends Div {

    private final SecondFactorPolicy policy;
    private final long organizationId;
    private final String organizationName;
    private final Runnable onChanged;
    /** The person reading the section, who resets no second factor of their own here. */
    private final long reader;
    private SecondFactorRequirement requirement;
    private Set<Long> without;
    private int activeMembers;

    public SecondFactorSection(SecondFactorPolicy policy, long organizationId, String organizationName, long reader,
                               Runnable onChanged) {
        this.reader = reader;
        this.policy = policy;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.onChanged = onChanged;
        setId("second-factor-section");
        addClassNames("card-section", "dialog-section");
        refresh();
    }

    /** The requirement as read when the section was drawn. */
    public SecondFactorRequirement requirement() {
        return requirement;
    }

    /** The users among the active members who have no second factor, as read when the section was drawn. */
    public Set<Long> withoutSecondFactor() {
        return without;
    }

    private void refresh() {
        requirement = policy.requirement(organizationId);
        // only the organization's own people learn who among them has none
        dev.kontor.organization.SecondFactorCount members = requirement.seesMembers()
                ? policy.secondFactorCount(organizationId) : new dev.kontor.organization.SecondFactorCount(0, Set.of());
        without = members.without();
        activeMembers = members.activeMembers();
        removeAll();
        add(new H3(getTranslation("second-factor.section.title")));
        if (requirement.always()) {
            Paragraph always = new Paragraph(getTranslation("second-factor.required-always"));
            always.setId("second-factor-state");
            always.addClassName("section-explanation");
            add(always);
        } else if (requirement.inherited()) {
            Paragraph inherited = new Paragraph(getTranslation("second-factor.required-by", requirement.requiredBy()));
            inherited.setId("second-factor-required-by");
            inherited.addClassName("section-explanation");
            add(inherited);
        } else if (requirement.mayChange()) {
            Checkbox required = new Checkbox(getTranslation("second-factor.require.label", organizationName),
                    requirement.ownSetting());
            required.setId("second-factor-required");
            required.setHelperText(getTranslation("second-factor.require.help-now"));
            required.addValueChangeListener(change -> {
                if (!change.isFromClient()) {
                    return;
                }
                SecondFactorRequirement now = policy.changeRequirement(organizationId, change.getValue());
                Notices.success(getTranslation(now.ownSetting() ? "second-factor.required-on"
                                : "second-factor.required-off", organizationName));
                refresh();
                onChanged.run();
            });
            add(required);
        } else {
            Paragraph state = new Paragraph(getTranslation(requirement.required() ? "second-factor.required-here"
                    : "second-factor.optional-here"));
            state.setId("second-factor-state");
            state.addClassName("section-explanation");
            add(state);
        }
        if (!requirement.seesMembers()) {
            return;
        }
        // "every active member has one" would be said of nobody where no one is an active member yet
        Paragraph count = new Paragraph(activeMembers == 0 ? getTranslation("second-factor.no-active-members")
                : getTranslation("second-factor.without", without.size()));
        count.setId("second-factor-without");
        Div line = new Div(count);
        line.addClassName("section-buttons");
        if (requirement.mayReset() && !without.isEmpty()) {
            Button remind = new Button(getTranslation("second-factor.remind"), VaadinIcon.ENVELOPE_O.create());
            remind.setId("second-factor-remind");
            remind.setTooltipText(getTranslation("second-factor.remind.help"));
            // mails are written in one transaction; off from the click until the server answers
            line.add(SlowAction.on(remind, () -> {
                int mailed = policy.remind(organizationId);
                Notices.success(getTranslation("second-factor.reminded", mailed));
                return true;
            }));
        }
        add(line);
    }

    /** "No second factor" on an active member's row whom the section counts as without one; else nothing. */
    public java.util.Optional<Component> badge(Member member) {
        if (member.state() != MembershipState.ACTIVE || !without.contains(member.userId())) {
            return java.util.Optional.empty();
        }
        Span badge = new Span(getTranslation("second-factor.badge.none"));
        badge.setId("no-second-factor-" + member.membershipId());
        badge.addClassNames("tag", "tag-no-second-factor");
        return java.util.Optional.of(badge);
    }

    /**
     * Reset second factor on an active member's row who has one, for a lead of the organization, not on their own
     * row; asked first. The list is drawn anew afterwards.
     */
    public java.util.Optional<Component> resetAction(Member member, Runnable afterwards) {
        boolean own = reader == member.userId();
        if (!requirement.mayReset() || member.state() != MembershipState.ACTIVE
                || without.contains(member.userId()) || own) {
            return java.util.Optional.empty();
        }
        Button reset = PersonRowActions.action(this, "reset-second-factor", member.membershipId(),
                member.displayName(), "second-factor.reset",
                () -> PersonRowActions.confirm(this, "confirm-second-factor-reset",
                        "second-factor.reset-everywhere.confirm", member.displayName(), member.email(), () -> {
                            policy.resetSecondFactor(organizationId, member.membershipId());
                            Notices.successAbove(getTranslation("second-factor.reset.done", member.displayName()));
                            refresh();
                            afterwards.run();
                        }));
        return java.util.Optional.of(reset);
    }
}
