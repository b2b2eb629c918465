package dev.kontor.notice.ui;

import com.vaadin.flow.component.AttachEvent;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.contact.ContactType;
import dev.kontor.notice.NoticeAudience;
import dev.kontor.notice.NoticeProgress;
import dev.kontor.notice.NoticeStatus;
import dev.kontor.notice.PlatformNotices;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Platform notices for the provider's administrators: a form (kind, recipients, subject, text, Send notice) and,
 * below it, the recent notices with their state and how many recipients have been mailed, brought up to date by the
 * server as the background sender goes on.
 */
@Route("admin/notices")
@Menu(title = "nav.notices", order = 90, icon = "vaadin:megaphone")
@RolesAllowed(Roles.PROVIDER_ADMINISTRATOR)
public class PlatformNoticesView extends VerticalLayout implements HasDynamicTitle {


    /** Who a notice goes to, as the form offers it. */
    enum Audience { ALL, CHOSEN }

    private final PlatformNotices notices;
    private final NoticeProgress progress;
    private final RadioButtonGroup<ContactType> kind = new RadioButtonGroup<>();
    private final RadioButtonGroup<Audience> audience = new RadioButtonGroup<>();
    private final TextArea customerNumbers = new TextArea();
    private final TextArea partnerNames = new TextArea();
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();
    private final Grid<NoticeStatus> grid = new Grid<>();
    private final Binder<NoticeForm> binder = new Binder<>(NoticeForm.class);
    private Registration following;

    public PlatformNoticesView(PlatformNotices notices, NoticeProgress progress) {
        this.notices = notices;
        this.progress = progress;
        setId("platform-notices-view");

        H2 heading = new H2(getTranslation("notice.new"));
        Paragraph explained = new Paragraph(getTranslation("notice.explained"));
        explained.addClassName("section-explanation");
        add(heading, explained, form(), recent());
    }

    private Component form() {
        kind.setId("notice-kind");
        kind.setLabel(getTranslation("notice.kind"));
        kind.setItems(ContactType.values());
        kind.setItemLabelGenerator(k -> getTranslation("notice.kind." + k));
        kind.setRenderer(new ComponentRenderer<>(k -> {
            Span label = new Span(getTranslation("notice.kind." + k));
            Span explanation = new Span(getTranslation("notice.kind." + k + ".explained"));
            explanation.addClassName("section-explanation");
            Div item = new Div(label, explanation);
            item.addClassName("notice-kind-choice");
            return item;
        }));
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setRequiredIndicatorVisible(true);

        audience.setId("notice-audience");
        audience.setLabel(getTranslation("notice.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation(a == Audience.ALL ? "notice.audience.all"
                : "notice.audience.chosen"));
        audience.setValue(Audience.ALL);
        customerNumbers.setId("notice-customers");
        customerNumbers.setLabel(getTranslation("notice.audience.customers"));
        customerNumbers.setHelperText(getTranslation("notice.audience.customers.help"));
        customerNumbers.setMaxLength(PlatformNotices.CUSTOMER_NUMBERS_TYPED_MAX_LENGTH);
        partnerNames.setId("notice-partners");
        partnerNames.setLabel(getTranslation("notice.audience.partners"));
        partnerNames.setHelperText(getTranslation("notice.audience.partners.help"));
        partnerNames.setMaxLength(PlatformNotices.PARTNER_NAMES_TYPED_MAX_LENGTH);
        audience.addValueChangeListener(event -> showChosen(event.getValue() == Audience.CHOSEN));
        showChosen(false);

        subject.setId("notice-subject");
        subject.setLabel(getTranslation("notice.subject"));
        subject.setMaxLength(PlatformNotices.SUBJECT_MAX_LENGTH);
        subject.setRequiredIndicatorVisible(true);
        body.setId("notice-body");
        body.setLabel(getTranslation("notice.body"));
        body.setHelperText(getTranslation("notice.body.help"));
        body.setMaxLength(PlatformNotices.BODY_MAX_LENGTH);
        body.setMinRows(6);
        body.setRequiredIndicatorVisible(true);

        binder.forField(kind).asRequired(getTranslation("validation.required"))
                .bind(NoticeForm::getKind, NoticeForm::setKind);
        // blanks are no subject: refused here, before the confirmation asks to send them to everyone
        binder.forField(subject).asRequired(getTranslation("validation.required"))
                .withValidator(text -> !text.isBlank(), getTranslation("validation.required"))
                .withValidator(FormRules.maxLength(this, PlatformNotices.SUBJECT_MAX_LENGTH))
                .withValidator(FormRules.noMarkup(this))
                .bind(NoticeForm::getSubject, NoticeForm::setSubject);
        binder.forField(body).asRequired(getTranslation("validation.required"))
                .withValidator(text -> !text.isBlank(), getTranslation("validation.required"))
                .withValidator(FormRules.maxLength(this, PlatformNotices.BODY_MAX_LENGTH))
                .withValidator(FormRules.plainText(this))
                .bind(NoticeForm::getBody, NoticeForm::setBody);

        // off while the server queues the notice; ready again for the next one when it answers
        Button send = SlowAction.on(new Button(getTranslation("notice.send"), VaadinIcon.PAPERPLANE.create()), () -> {
            send();
            return false;
        });
        send.setId("send-notice");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div buttons = new Div(send);
        buttons.addClassName("section-buttons");

        FormLayout form = new FormLayout(kind, audience, customerNumbers, partnerNames, subject, body);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 2));
        form.setColspan(kind, 2);
        form.setColspan(audience, 2);
        FormRules.explainConstraints(form);
        form.setColspan(subject, 2);
        form.setColspan(body, 2);
        Div section = new Div(form, buttons);
        section.addClassName("card-section");
        return section;
    }

    private void showChosen(boolean chosen) {
        customerNumbers.setVisible(chosen);
        partnerNames.setVisible(chosen);
    }

    private void send() {
        NoticeForm input = new NoticeForm();
        if (!FormRules.writeOrFocus(binder, input)) {
            return;
        }
        if (audience.getValue() == Audience.CHOSEN) {
            send(input);
            return;
        }
        // every contact of that kind on the platform: one more look before it goes out, as it cannot be recalled
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm =
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
        confirm.setId("confirm-send-notice");
        confirm.setHeader(getTranslation("notice.confirm.title"));
        confirm.setText(getTranslation("notice.confirm.all", getTranslation("notice.kind." + input.getKind())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("notice.send"));
        confirm.addConfirmListener(event -> send(input));
        DialogKeys.cancelFirst(confirm);
        confirm.open();
    }

    private void send(NoticeForm input) {
        NoticeAudience to = audience.getValue() == Audience.CHOSEN
                ? NoticeAudience.typed(customerNumbers.getValue(), partnerNames.getValue())
                : NoticeAudience.everyone();
        InputRefusals refusals = InputRefusals.of(this).field("kind", kind).field("subject", subject)
                .field("body", body).field("audience", audience).field("customerNumbers", customerNumbers)
                .field("partnerNames", partnerNames);
        NoticeStatus queued = refusals.call(() -> notices.send(input.getKind(), input.getSubject(), input.getBody(),
                to, getLocale())).orElse(null);
        if (queued == null) {
            return;
        }
        Notices.success(getTranslation("notice.queued", queued.total()));
        binder.readBean(new NoticeForm());
        customerNumbers.clear();
        partnerNames.clear();
        audience.setValue(Audience.ALL);
        grid.getDataProvider().refreshAll();
    }

    private Component recent() {
        grid.setId("notices");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(n -> dateTime(n.createdAt())).setHeader(getTranslation("notice.column.created"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(n -> tag(getTranslation("notice.kind." + n.kind()), "tag-contact"))
                .setHeader(getTranslation("notice.column.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(NoticeStatus::subject).setHeader(getTranslation("notice.column.subject")).setFlexGrow(3);
        grid.addColumn(n -> n.forAll() ? getTranslation("notice.audience.all") : n.audienceLabel())
                .setHeader(getTranslation("notice.column.audience")).setFlexGrow(2);
        grid.addComponentColumn(this::stateTag).setHeader(getTranslation("notice.column.state")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(n -> getTranslation("notice.progress", n.finished() ? n.total() : Math.min(n.sent(),
                        n.total()), n.total()))
                .setHeader(getTranslation("notice.column.progress")).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("notice.none"));
        grid.setItemsPageable(notices::recent);
        grid.setHeight("22rem");
        Div section = new Div(new H2(getTranslation("notice.recent")), grid);
        section.setWidthFull();
        return section;
    }

    private Component stateTag(NoticeStatus notice) {
        if (notice.stalled()) {
            Span retry = new Span(getTranslation("notice.stalled.next-try", notice.failedAttempts(),
                    dateTime(notice.retryAt())));
            retry.addClassName("notice-retry");
            Div stalled = new Div(tag(getTranslation("notice.state.STALLED"), "tag-warning"), retry);
            stalled.addClassName("notice-state");
            return stalled;
        }
        return tag(getTranslation("notice.state." + notice.state()), switch (notice.state()) {
            case QUEUED -> "tag-state-invited";
            case SENDING -> "tag-contact";
            case SENT -> "tag-success";
        });
    }

    private static Span tag(String text, String variant) {
        Span tag = new Span(text);
        tag.addClassNames("tag", variant);
        return tag;
    }

    private String dateTime(Instant instant) {
        return Moments.dayAndTime(instant, getLocale());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        // notices are mailed in the background on whichever node picks them up; each batch, failure and end there
        // brings the list up to date here
        following = progress.watch(() -> ui.access(() -> grid.getDataProvider().refreshAll()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (following != null) {
            following.remove();
            following = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.notices");
    }

    /** The form's working copy. */
    public static class NoticeForm {
        private ContactType kind;
        private String subject = "";
        private String body = "";

        public ContactType getKind() {
            return kind;
        }

        public void setKind(ContactType kind) {
            this.kind = kind;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }
    }
}
