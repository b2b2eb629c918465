package dev.kontor.partner.ui;

import com.vaadin.flow.component.Component;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.Notices;
import dev.kontor.partner.CustomerPartnerRow;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.partner.IncomingRequestRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * The "Partners" section of the account data dialog: who works on the account with which rights since when (and the
 * partnerships that ended), and the partners' requests that wait for an answer. An active manager of the account
 * accepts or declines requests, changes rights, confirms them when the access review asks, and ends partnerships;
 * everyone else sees the list read-only. Every decision is confirmed in a dialog; the service refuses what the
 * rules forbid, with a message the error handler shows.
 */
@NamedInterface("account-sections")
public class PartnersSection extends Section {


    private final CustomerPartnerService partners;
    private final long accountId;
    private final Runnable onChanged;
    private final boolean mayDecide;

    public PartnersSection(CustomerPartnerService partners, long accountId, Runnable onChanged) {
        this.partners = partners;
        this.accountId = accountId;
        this.onChanged = onChanged;
        this.mayDecide = partners.mayDecide(accountId);
        setId("partners-section");
        addClassNames("dialog-section", "partners-section");

        Div heading = new Div(new H3(getTranslation("customer-partners.title")));
        heading.addClassName("section-heading");
        // a partner working in the account reads about its own rights, not about the rights "you grant them"
        // (the reader works for that partner: it is their organization, named, not "your partner")
        java.util.Optional<String> readersPartner = mayDecide ? java.util.Optional.empty()
                : partners.readersPartner(accountId);
        Paragraph explanation = new Paragraph(readersPartner
                .map(name -> getTranslation("customer-partners.explanation.partner", name))
                .orElseGet(() -> getTranslation("customer-partners.explanation")));
        explanation.addClassName("section-explanation");
        add(heading);
        if (!mayDecide) {
            Paragraph readOnly = new Paragraph(getTranslation("account.section.read-only"));
            readOnly.setId("partners-read-only");
            readOnly.addClassName("section-explanation");
            add(readOnly);
        }
        add(explanation);

        List<IncomingRequestRow> requests = partners.incomingRequests(accountId);
        if (!requests.isEmpty()) {
            Div list = list("partner-requests", "customer-partners.requests");
            requests.forEach(request -> list.add(requestRow(request)));
            add(new H4(getTranslation("customer-partners.requests")), list);
        }

        List<CustomerPartnerRow> rows = partners.partnersOf(accountId);
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("customer-partners.none"));
            none.setId("no-partners");
            none.addClassName("section-explanation");
            add(none);
        } else {
            Div list = list("partners", "customer-partners.title");
            rows.forEach(row -> list.add(partnerRow(row)));
            add(list);
        }
    }

    private Div list(String id, String labelKey) {
        Div list = new Div();
        list.setId(id);
        list.addClassName("partner-list");
        list.getElement().setAttribute("role", "list");
        list.getElement().setAttribute("aria-label", getTranslation(labelKey));
        return list;
    }

    private Component requestRow(IncomingRequestRow request) {
        Span name = new Span(request.partnerName());
        name.addClassName("partner-name");
        Span sent = new Span(getTranslation("customer-partners.request.sent", date(request.requestedAt()),
                request.requestEmail(), date(request.expiresAt())));
        sent.addClassName("partner-meta");
        Div who = new Div(name, sent);
        who.addClassName("partner-who");

        Div rights = new Div(new Span(getTranslation("customer-partners.asks-for") + ":"));
        rights.addClassName("tag-cell");
        RightTags.of(request.requestedRights(), this::getTranslation).forEach(rights::add);

        Div row = new Div(who, rights);
        row.setId("partner-request-" + request.relationshipId());
        row.addClassName("partner-row");
        row.getElement().setAttribute("role", "listitem");
        if (mayDecide) {
            Div actions = new Div(
                    action("accept-request", request.relationshipId(), "customer-partners.accept",
                            request.partnerName(), () -> acceptDialog(request).open()),
                    action("decline-request", request.relationshipId(), "customer-partners.decline",
                            request.partnerName(), () -> confirm("confirm-decline-partner",
                                    "customer-partners.decline.confirm.title",
                                    getTranslation("customer-partners.decline.confirm", request.partnerName()),
                                    "customer-partners.decline.confirm.button", true, () -> {
                                        partners.declineRequest(accountId, request.relationshipId());
                                        done("customer-partners.declined", request.partnerName());
                                    })));
            actions.addClassName("action-cell");
            row.add(actions);
        }
        return row;
    }

    private Component partnerRow(CustomerPartnerRow partner) {
        Span name = new Span(partner.partnerName());
        name.addClassName("partner-name");
        Div who = new Div(name);
        who.addClassName("partner-who");
        if (partner.since() != null) {
            Span since = new Span(partner.isActive() || partner.endedAt() == null
                    ? getTranslation("customer-partners.since", date(partner.since()))
                    : getTranslation("customer-partners.since", date(partner.since())) + " · "
                    + getTranslation("customer-partners.ended", date(partner.endedAt())));
            since.addClassName("partner-meta");
            who.add(since);
        }

        Div tags = new Div();
        tags.addClassName("tag-cell");
        Span state = new Span(getTranslation("customer-partners.state." + partner.state().name()));
        state.addClassNames("tag", "tag-relationship-" + partner.state().name().toLowerCase(Locale.ROOT));
        tags.add(state);
        if (partner.isActive()) {
            RightTags.of(partner.grantedRights(), this::getTranslation).forEach(tags::add);
        }

        Div row = new Div(who, tags);
        row.setId("partner-" + partner.relationshipId());
        row.addClassName("partner-row");
        row.getElement().setAttribute("role", "listitem");
        if (partner.isActive() && partner.reviewDue()) {
            Span due = new Span(partner.fallsBackAt() == null ? getTranslation("customer-partners.review-due")
                    : getTranslation("customer-partners.review-due.until", date(partner.fallsBackAt())));
            due.setId("review-due-" + partner.relationshipId());
            due.addClassNames("tag", "tag-warning", "partner-review-due");
            row.add(due);
        }
        if (mayDecide && partner.isActive()) {
            row.add(partnerActions(partner));
        }
        return row;
    }

    private Component partnerActions(CustomerPartnerRow partner) {
        Div actions = new Div();
        actions.addClassName("action-cell");
        long id = partner.relationshipId();
        if (partner.reviewDue()) {
            actions.add(action("confirm-rights", id, "customer-partners.confirm-rights", partner.partnerName(),
                    () -> confirm("confirm-partner-rights", "customer-partners.confirm.title",
                            getTranslation("customer-partners.confirm.text", partner.partnerName(),
                                    RightTags.text(partner.grantedRights(), this::getTranslation)),
                            "customer-partners.confirm.button", false, () -> {
                                partners.confirmRights(accountId, id);
                                done("customer-partners.confirmed", partner.partnerName());
                            })));
        }
        actions.add(action("change-rights", id, "customer-partners.change-rights", partner.partnerName(),
                () -> changeDialog(partner).open()));
        actions.add(action("end-partnership", id, "customer-partners.end", partner.partnerName(),
                () -> confirm("confirm-end-partnership", "customer-partners.end.confirm.title",
                        getTranslation("customer-partners.end.confirm", partner.partnerName()),
                        "customer-partners.end.confirm.button", true, () -> {
                            partners.revoke(accountId, id);
                            done("customer-partners.ended-now", partner.partnerName());
                        })));
        return actions;
    }

    private PartnerRightsDialog acceptDialog(IncomingRequestRow request) {
        return new PartnerRightsDialog(getTranslation("customer-partners.accept.title", request.partnerName()),
                getTranslation("customer-partners.accept.explanation"), request.requestedRights(),
                getTranslation("customer-partners.accept.button"), chosen -> {
                    partners.acceptRequest(accountId, request.relationshipId(), chosen);
                    done("customer-partners.accepted", request.partnerName());
                });
    }

    private PartnerRightsDialog changeDialog(CustomerPartnerRow partner) {
        return new PartnerRightsDialog(getTranslation("customer-partners.change.title", partner.partnerName()),
                getTranslation("customer-partners.change.explanation"), partner.grantedRights(),
                getTranslation("customer-partners.change.button"), chosen -> {
                    // the same rights saved again confirm them, as the partner's e-mail then says
                    boolean changed = partners.changeRights(accountId, partner.relationshipId(), partner.version(),
                            chosen);
                    done(changed ? "customer-partners.changed" : "customer-partners.confirmed-unchanged",
                            partner.partnerName());
                });
    }

    private Button action(String id, long relationshipId, String labelKey, String partnerName, Runnable run) {
        Button button = new Button(getTranslation(labelKey), click -> run.run());
        button.setId(id + "-" + relationshipId);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation("customer-partners.action-of", getTranslation(labelKey), partnerName));
        return button;
    }

    private void confirm(String id, String titleKey, String text, String buttonKey, boolean destructive,
                         Runnable change) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(getTranslation(titleKey));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation(buttonKey));
        dialog.setConfirmButtonTheme(destructive ? "error primary" : "primary");
        dialog.addConfirmListener(event -> change.run());
        if (destructive) {
            DialogKeys.cancelFirst(dialog);
        }
        dialog.open();
    }

    private void done(String messageKey, String partnerName) {
        Notices.success(getTranslation(messageKey, partnerName));
        onChanged.run();
    }

    private String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(Moments.zone())
                .format(instant);
    }
}
