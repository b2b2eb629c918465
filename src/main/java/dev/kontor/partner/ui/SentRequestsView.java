package dev.kontor.partner.ui;

import com.vaadin.flow.component.Component;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.partner.PartnerMembership;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RelationshipState;
import dev.kontor.partner.SentRequest;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Every relationship request the partner sent, with its state, sent date and expiry; Resend or Withdraw a pending one. */
@Route("partner/requests")
@RolesAllowed({Roles.LEGAL_REPRESENTATIVE, Roles.PARTNER_ADMINISTRATOR})
public class SentRequestsView extends VerticalLayout implements HasDynamicTitle {

    private final PartnerService partners;
    private final PartnerMembership partner;
    private final Grid<SentRequest> grid = new Grid<>();
    /** On a phone the customer's column also tells the address, state and expiry, whose own columns are hidden. */
    private boolean narrow;

    public SentRequestsView(PartnerService partners) {
        this.partners = partners;
        this.partner = partners.myPartners().stream().filter(PartnerMembership::seesAllCustomers).findFirst()
                .orElseThrow(dev.kontor.base.AccessRefused::new);
        setId("sent-requests-view");
        setSizeFull();
        grid.setId("sent-requests");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // widths that keep names and addresses whole; on a phone the customer's column tells the request
        grid.addComponentColumn(r -> narrow ? phoneCell(r)
                        : dev.kontor.base.ui.LineBreaks.customer(r.customerName(), r.customerNumber()))
                .setHeader(getTranslation("partner.column.customer")).setKey("customer").setWidth("8rem")
                .setFlexGrow(2);
        grid.addComponentColumn(r -> dev.kontor.base.ui.LineBreaks.email(r.email()))
                .setHeader(getTranslation("manager.email")).setKey("email").setWidth("8rem").setFlexGrow(2);
        grid.addColumn(r -> ManagedCustomersView.rightsList(this, r.requestedRights()))
                .setHeader(getTranslation("partner.requested-rights")).setKey("rights").setWidth("7rem")
                .setFlexGrow(3);
        grid.addComponentColumn(this::state).setHeader(getTranslation("partner.column.state")).setKey("state")
                .setAutoWidth(true).setFlexGrow(0);
        // when it may be mailed again is said here, below when it went, wrapping in a column of fixed width: in the
        // frozen actions the sentence covered the other columns on a laptop and took the whole row on a phone
        grid.addComponentColumn(this::sent).setHeader(getTranslation("partner.column.sent")).setKey("sent")
                .setWidth("9rem").setFlexGrow(0);
        // the moment with its zone's name, as the request's e-mail says it: a bare day meant another day elsewhere
        grid.addColumn(r -> r.state() == RelationshipState.REQUESTED ? until(r.expiresAt()) : "")
                .setHeader(getTranslation("partner.column.expires")).setKey("expires").setWidth("10rem")
                .setFlexGrow(0);
        // frozen at the row's end and holding the buttons alone, so that it stays narrow: on a phone Send again and
        // Withdraw stay in sight (one above the other) beside the customer
        grid.addComponentColumn(this::actions).setHeader(getTranslation("manager.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation(partner.isLegalRepresentative() ? "partner.no-requests.legal"
                : "partner.no-requests"));
        refresh();
        add(new H2(getTranslation("partner.requests") + " · " + partner.partnerName()), grid);
        setFlexGrow(1, grid);
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
    }

    /**
     * On a phone the row is its customer, with address, state and expiry below, beside the frozen actions, and it
     * takes the rest of the width: half a column showing between them looked broken. A wider window gets a column
     * per part.
     */
    void fitColumns(int windowWidth) {
        boolean phone = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        if (phone == narrow) {
            return;
        }
        narrow = phone;
        for (String key : java.util.List.of("email", "rights", "state", "sent", "expires")) {
            grid.getColumnByKey(key).setVisible(!phone);
        }
        grid.getColumnByKey("customer").setFlexGrow(phone ? 1 : 2);
        grid.getDataProvider().refreshAll();
    }

    /** On a phone: the customer, the address asked, the request's state and, while pending, until when. */
    private Component phoneCell(SentRequest request) {
        Span email = dev.kontor.base.ui.LineBreaks.email(request.email());
        email.addClassName("cell-detail");
        Div cell = new Div(dev.kontor.base.ui.LineBreaks.customer(request.customerName(), request.customerNumber()),
                email, state(request));
        if (request.state() == RelationshipState.REQUESTED) {
            Span expires = new Span(getTranslation("partner.column.expires") + ": " + until(request.expiresAt()));
            expires.addClassName("cell-detail");
            cell.add(expires);
        }
        mailAgainNote(request).ifPresent(cell::add);
        cell.addClassName("stacked-cell");
        return cell;
    }

    /** When it was sent and, while Kontor would not mail this customer again yet, until when. */
    private Component sent(SentRequest request) {
        Div cell = new Div(new Span(moment(request.sentAt())));
        mailAgainNote(request).ifPresent(cell::add);
        cell.addClassName("stacked-cell");
        return cell;
    }

    /**
     * Kontor mails a customer once a day per partner: while Send again is off, the row says until when (and when it
     * was mailed, should that differ from when the request was sent, e.g. a link copied after a mail).
     */
    private java.util.Optional<Span> mailAgainNote(SentRequest request) {
        if (request.state() != RelationshipState.REQUESTED || request.mailAgainAt() == null) {
            return java.util.Optional.empty();
        }
        Span note = new Span(request.mailedAt().equals(request.sentAt())
                ? getTranslation("partner.resend.again-after", moment(request.mailAgainAt()))
                : getTranslation("partner.resend.after", moment(request.mailedAt()), moment(request.mailAgainAt())));
        note.setId("resend-after-" + request.relationshipId());
        note.addClassName("cell-detail");
        return java.util.Optional.of(note);
    }

    private void refresh() {
        grid.setItems(query -> partners.sentRequests(partner.partnerId(), Set.of(), PageRequest.of(query.getPage(),
                        query.getPageSize(), Sort.by(Sort.Direction.DESC, "requestedAt"))).getContent().stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, partners.countSentRequests(partner.partnerId())));
    }

    private Component state(SentRequest request) {
        Span tag = new Span(getTranslation("request.state." + request.state()));
        tag.addClassNames("tag", switch (request.state()) {
            case REQUESTED -> "tag-state-invited";
            case ACTIVE -> "tag-success";
            default -> "tag-state-deactivated";
        });
        return tag;
    }

    private Component actions(SentRequest request) {
        Div cell = new Div();
        cell.addClassNames("action-cell", "row-actions");
        if (request.state() == RelationshipState.REQUESTED && partner.isLegalRepresentative()) {
            // sending mail: off from the click until the server answers, so that one click sends one mail
            Button resend = SlowAction.on(new Button(getTranslation("partner.resend")), () -> {
                partners.resendRequest(partner.partnerId(), request.relationshipId(), getLocale());
                Notices.success(getTranslation("partner.request.sent", request.email()));
                refresh();
                return true;
            });
            resend.setId("resend-request-" + request.relationshipId());
            resend.setAriaLabel(getTranslation("partner.resend") + ": " + request.customerName());
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button withdraw = new Button(getTranslation("partner.withdraw"), click -> confirmWithdrawal(request));
            withdraw.setId("withdraw-request-" + request.relationshipId());
            withdraw.setAriaLabel(getTranslation("partner.withdraw") + ": " + request.customerName());
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            cell.add(resend, withdraw);
            mailAgainNote(request).ifPresent(note -> {
                // the button says why it is off, and until when; the row shows it in the Sent column
                resend.setEnabled(false);
                resend.setAriaLabel(resend.getAriaLabel().orElse("") + ". " + note.getText());
            });
        }
        return cell;
    }

    /** The customer's link stops working at once and cannot be revived: one more look before that. */
    private void confirmWithdrawal(SentRequest request) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-withdraw-request");
        dialog.setHeader(getTranslation("partner.withdraw.title"));
        dialog.setText(dev.kontor.base.ui.LineBreaks.keepingWhole(getTranslation("partner.withdraw.text",
                request.customerName(), request.customerNumber(), request.email()),
                "(" + request.customerNumber() + ")"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("partner.withdraw"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            partners.withdrawRequest(partner.partnerId(), request.relationshipId());
            refresh();
        });
        DialogKeys.cancelFirst(dialog);
        dialog.open();
    }

    /** Every moment on this page names its zone, as the expiry and the request's e-mail do. */
    private String moment(Instant instant) {
        return instant == null ? "" : Moments.dayAndTimeNamingZone(instant, getLocale());
    }

    private String until(Instant instant) {
        return instant == null ? "" : Moments.dayAndTimeNamingZone(instant, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partner.requests");
    }
}
