package dev.kontor.organization.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.PersonRowActions;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipApproval;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * One person in a list of an organization's people (an account's managers, a tenant's administrators, a partner's
 * users): who they are (name and e-mail), their tags, and whatever the list puts after them (a cell of actions),
 * drawn alike in every such list so that one style sheet and one screen reader reading serve them all.
 */
@NamedInterface("organization-components")
public final class PersonRow {

    private PersonRow() {
    }

    /** The list the rows stand in: a plain list that wraps well on a phone, for a few people read in one query. */
    public static Div list() {
        Div list = new Div();
        list.addClassName("manager-list");
        list.getElement().setAttribute("role", "list");
        return list;
    }

    /** The row {@code id}: the person, then {@code after} (their tags, a cell of actions). */
    public static Div of(String id, Member member, Component... after) {
        Span name = new Span(member.displayName());
        name.addClassName("manager-name");
        Span email = new Span(member.email());
        email.addClassName("manager-email");
        Div who = new Div(name, email);
        who.addClassName("manager-who");
        Div row = new Div(who);
        row.add(after);
        row.setId(id);
        row.addClassName("manager-row");
        row.getElement().setAttribute("role", "listitem");
        return row;
    }

    /** The membership's state as a tag. */
    public static Span state(Component owner, Member member) {
        Span state = new Span(owner.getTranslation("membership.state." + member.state()));
        state.addClassNames("tag", "tag-state-" + member.state().name().toLowerCase(Locale.ROOT));
        return state;
    }

    /**
     * The tags every membership list shows first: the state, the partner who asked for the person where one did
     * ({@code approval} may be null), and "No second factor" where {@code secondFactor} counts them without one.
     */
    public static Div tags(Component owner, Member member, MembershipApproval approval,
                           SecondFactorSection secondFactor) {
        Div tags = new Div(state(owner, member));
        tags.addClassName("tag-cell");
        if (approval != null) {
            Span asked = new Span(owner.getTranslation("membership.asked-for-by-partner", approval.partnerName()));
            asked.addClassNames("tag", "tag-partner-invited");
            tags.add(asked);
        }
        secondFactor.badge(member).ifPresent(tags::add);
        return tags;
    }

    /** The cell of a row's actions, beginning with Reset second factor where {@code secondFactor} offers it. */
    public static Div actions(Member member, SecondFactorSection secondFactor, Runnable onChanged) {
        Div cell = new Div();
        cell.addClassName("action-cell");
        secondFactor.resetAction(member, onChanged).ifPresent(cell::add);
        return cell;
    }

    /**
     * Instead of actions that would only be refused (and audited as a refusal), the row says what has to come first:
     * {@code key}'s text, with the id {@code id}.
     */
    public static Span staysUntil(Component owner, String id, String key) {
        Span stays = new Span(owner.getTranslation(key));
        stays.setId(id);
        stays.addClassName("hint");
        return stays;
    }

    /**
     * Approve or Refuse for a membership a partner asked for, asked first and taken once (see
     * {@link PersonRowActions#decision}). The list is shown as it is now afterwards ({@code onChanged}), whatever came
     * of it; only the person whose decision took effect is told that it did ({@code doneKey}), one who came second
     * gets the service's message that someone else has decided.
     */
    public static Button decision(Component owner, String id, Member member, String labelKey, String dialogId,
                                  String questionKey, String confirmTheme, MembershipApproval approval,
                                  Runnable decide, String doneKey, Runnable onChanged) {
        String done = owner.getTranslation(doneKey, member.displayName());
        return PersonRowActions.decision(owner, id, member.membershipId(), member.displayName(), labelKey, dialogId,
                questionKey, confirmTheme, () -> {
                    try {
                        decide.run();
                    } finally {
                        onChanged.run();
                    }
                    Notices.successAbove(done);
                }, member.displayName(), member.email(), approval.partnerName());
    }
}
