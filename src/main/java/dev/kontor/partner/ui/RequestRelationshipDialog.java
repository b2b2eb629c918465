package dev.kontor.partner.ui;

import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.base.KontorException;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Moments;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RequestDelivery;
import dev.kontor.partner.RequestDraft;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;

/**
 * Request a relationship with an existing customer, in two steps: the customer number, a manager's address and the
 * rights; then the e-mail as it will be sent, to review, copy, and send.
 */
class RequestRelationshipDialog extends Dialog {

    private final PartnerService partners;
    private final long partnerId;
    private final Runnable onDone;
    private final Div body = new Div();
    private BooleanSupplier typed = () -> false;
    private ShortcutRegistration enter;
    /** Set once the request exists: copying the draft makes it, as sending does. */
    private boolean made;

    RequestRelationshipDialog(PartnerService partners, long partnerId, Runnable onDone) {
        this.partners = partners;
        this.partnerId = partnerId;
        this.onDone = onDone;
        setId("request-relationship-dialog");
        setHeaderTitle(getTranslation("partner.request"));
        setWidth("min(40rem, 100vw)");
        add(body);
        // Esc: before the draft what was typed is asked about; after it Esc is "without sending", which leaves no
        // request behind unless the text was copied (then the partner sends it itself)
        DialogKeys.askBeforeDiscarding(this, () -> typed.getAsBoolean(), this::closeWithoutSending);
        showForm();
    }

    private void showForm() {
        body.removeAll();
        getFooter().removeAll();
        TextField number = new TextField(getTranslation("partner.request.customer-number"));
        number.setId("request-customer-number");
        number.setPlaceholder("CN-10003");
        number.setMaxLength(CustomerNumber.TYPED_MAX_LENGTH);
        number.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("partner.request.manager-email"));
        email.setId("request-manager-email");
        email.setRequiredIndicatorVisible(true);
        RightsField rights = new RightsField(getTranslation("partner.requested-rights"),
                EnumSet.of(OrganizationRight.VIEW));
        rights.setId("request-rights");
        Paragraph explanation = new Paragraph(getTranslation("partner.request.explanation"));
        explanation.addClassName("section-explanation");
        // the number is checked when the field is left, as the e-mail is, not only when the request is reviewed
        new com.vaadin.flow.data.binder.Binder<Object>().forField(number)
                .withValidator(FormRules.accepted(this, typed -> dev.kontor.organization.CustomerNumber.parse(typed)
                        .isPresent(), "validation.customer-number"))
                .bind(any -> "", (any, value) -> { });
        FormLayout form = new FormLayout(number, email, rights);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        body.add(explanation, form);
        FormRules.explainConstraints(form);

        Button next = SlowAction.on(new Button(getTranslation("partner.request.review")), () -> {
            RequestDraft draft = InputRefusals.of(this).field("customerNumber", number).field("managerEmail", email)
                    .field("rights", rights).readableArguments(this::readable)
                    .call(() -> partners.prepareRequest(partnerId, number.getValue(), email.getValue(),
                            rights.getValue(), getLocale()))
                    .orElse(null);
            if (draft == null) {
                return false;
            }
            showDraft(draft);
            return true;
        });
        next.setId("review-request");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), next);
        enter = DialogKeys.enterClicks(this, next);
        DialogKeys.focusOnOpen(this, number);
        typed = DialogKeys.changedFrom(number, email, rights);
    }

    private void showDraft(RequestDraft draft) {
        body.removeAll();
        getFooter().removeAll();
        // the draft is to be read and sent on purpose: Enter no longer sends anything
        enter.remove();
        typed = () -> false;
        Paragraph explanation = new Paragraph(getTranslation("partner.request.draft-explanation.made-on-send"));
        explanation.addClassName("section-explanation");
        TextField to = new TextField(getTranslation("partner.request.to"));
        to.setValue(draft.recipient());
        to.setReadOnly(true);
        to.setWidthFull();
        TextField subject = new TextField(getTranslation("partner.request.subject"));
        subject.setValue(draft.subject());
        subject.setReadOnly(true);
        subject.setWidthFull();
        TextArea text = new TextArea(getTranslation("partner.request.text"));
        text.setId("request-draft");
        text.setValue(draft.body());
        text.setReadOnly(true);
        text.setWidthFull();
        body.add(explanation, to, subject, text);

        Button copy = new Button(getTranslation("partner.request.copy"), VaadinIcon.COPY.create(), click -> {
            // a copied link leaves Kontor: the request must exist for it to work, though Kontor mails nothing
            if (!made && !make(draft, RequestDelivery.PARTNER_COPIED)) {
                return;
            }
            // the text goes to the clipboard as a parameter, never as part of the script
            getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", draft.body()));
            Notices.info(getTranslation("partner.request.copied"));
        });
        copy.setId("copy-request");
        Button send = SlowAction.on(new Button(getTranslation("partner.request.send"), VaadinIcon.ENVELOPE.create()),
                () -> {
                    if (!make(draft, RequestDelivery.KONTOR_MAILS)) {
                        return false;
                    }
                    Notices.success(getTranslation("partner.request.sent", draft.recipient()));
                    close();
                    onDone.run();
                    return true;
                });
        send.setId("send-request");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button done = new Button(getTranslation("partner.request.without-sending"), click -> closeWithoutSending());
        done.setId("close-without-sending");
        getFooter().add(done, copy, send);
        text.focus();
    }

    /** Makes the request; a refusal (the manager left meanwhile, the day's limits) is said in a notification. */
    private boolean make(RequestDraft draft, RequestDelivery delivery) {
        try {
            partners.sendRequest(partnerId, draft, delivery, getLocale());
            made = true;
            return true;
        } catch (KontorException refusal) {
            Notices.error(getTranslation(refusal.messageKey(), readable(refusal.arguments())));
            return false;
        }
    }

    private void closeWithoutSending() {
        close();
        if (made) {
            onDone.run();
        }
    }

    /** Moments in a refusal are said in the reader's zone, naming it. */
    private Object[] readable(Object[] arguments) {
        return Arrays.stream(arguments).map(argument -> argument instanceof Instant moment
                ? Moments.dayAndTimeNamingZone(moment, getLocale()) : argument).toArray();
    }
}
