package dev.kontor.partner.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RequestDraft;
import java.util.EnumSet;
import java.util.Map;
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
    private boolean drafted;

    RequestRelationshipDialog(PartnerService partners, long partnerId, Runnable onDone) {
        this.partners = partners;
        this.partnerId = partnerId;
        this.onDone = onDone;
        setId("request-relationship-dialog");
        setHeaderTitle(getTranslation("partner.request"));
        setWidth("min(40rem, 100vw)");
        add(body);
        // Esc: before the draft what was typed is asked about; after it the request exists, and Esc is "without
        // sending"
        DialogKeys.askBeforeDiscarding(this, () -> typed.getAsBoolean(), () -> {
            close();
            if (drafted) {
                onDone.run();
            }
        });
        showForm();
    }

    private void showForm() {
        body.removeAll();
        getFooter().removeAll();
        TextField number = new TextField(getTranslation("partner.request.customer-number"));
        number.setId("request-customer-number");
        number.setPlaceholder("CN-10003");
        number.setMaxLength(20);
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
            RequestDraft draft;
            try {
                draft = partners.prepareRequest(partnerId, number.getValue(), email.getValue(), rights.getValue(),
                        getLocale());
            } catch (InvalidInput refusal) {
                Map<String, HasValidation> fields = Map.of("customerNumber", number, "managerEmail", email,
                        "rights", rights);
                if (!FormRules.showNextToField(this, refusal, fields)) {
                    throw refusal;
                }
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
        drafted = true;
        typed = () -> false;
        Paragraph explanation = new Paragraph(getTranslation("partner.request.draft-explanation"));
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
            // the text goes to the clipboard as a parameter, never as part of the script
            getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", draft.body()));
            Notification.show(getTranslation("partner.request.copied"), 3000, Notification.Position.BOTTOM_START);
        });
        copy.setId("copy-request");
        Button send = SlowAction.on(new Button(getTranslation("partner.request.send"), VaadinIcon.ENVELOPE.create()),
                () -> {
                    partners.sendRequest(partnerId, draft.relationshipId(), draft.token(), getLocale());
                    Notification.show(getTranslation("partner.request.sent", draft.recipient()), 4000,
                            Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    close();
                    onDone.run();
                    return true;
                });
        send.setId("send-request");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button done = new Button(getTranslation("partner.request.without-sending"), click -> {
            close();
            onDone.run();
        });
        done.setId("close-without-sending");
        getFooter().add(done, copy, send);
        text.focus();
    }
}
