package dev.kontor.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.kontor.base.ui.LineBreaks;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.PartnerService;

/** The granted rights next to the requested ones, and whether a payment method is on file; then Mark reviewed. */
class ReviewRightsDialog extends Dialog {

    ReviewRightsDialog(PartnerService partners, long partnerId, ManagedCustomer customer, Runnable onReviewed) {
        setId("review-rights-dialog");
        LineBreaks.title(this, LineBreaks.dialogTitle(this), getTranslation("partner.review.title", customer.name(),
                customer.customerNumber()), customer.customerNumber());
        Div table = new Div();
        table.addClassName("rights-table");
        table.getElement().setAttribute("role", "table");
        table.add(row(getTranslation("partner.review.right"), getTranslation("partner.review.requested"),
                getTranslation("partner.review.granted"), true));
        for (OrganizationRight right : OrganizationRight.values()) {
            table.add(row(getTranslation("right." + right.name()),
                    yesNo(customer.requestedRights().contains(right)),
                    yesNo(customer.grantedRights().contains(right)), false));
        }
        Paragraph payment = new Paragraph(getTranslation(customer.paymentMethodOnFile()
                ? "partner.review.payment-yes" : "partner.review.payment-no"));
        payment.setId("payment-method");
        add(table, payment);
        Button reviewed = SlowAction.on(new Button(getTranslation("partner.review.done")), () -> {
            partners.markReviewed(partnerId, customer.relationshipId());
            close();
            onReviewed.run();
            return true;
        });
        reviewed.setId("mark-reviewed");
        reviewed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.close"), click -> close()), reviewed);
        // nothing to fill in: the focus waits on the decision, which Enter takes
        DialogKeys.enterClicks(this, reviewed);
        DialogKeys.focusOnOpen(this, reviewed);
    }

    private Div row(String right, String requested, String granted, boolean header) {
        Div row = new Div();
        row.addClassName("rights-row");
        if (header) {
            row.addClassName("rights-header");
        }
        row.getElement().setAttribute("role", "row");
        for (String text : new String[] {right, requested, granted}) {
            Span cell = new Span(text);
            cell.getElement().setAttribute("role", header ? "columnheader" : "cell");
            row.add(cell);
        }
        return row;
    }

    private String yesNo(boolean yes) {
        return getTranslation(yes ? "partner.review.yes" : "partner.review.no");
    }
}
