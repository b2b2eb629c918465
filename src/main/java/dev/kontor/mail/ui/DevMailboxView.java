package dev.kontor.mail.ui;

import com.vaadin.flow.component.button.Button;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.LanguageSwitch;
import dev.kontor.mail.DevMailbox;
import dev.kontor.mail.MailboxEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The demo mailbox: every mail of the outbox, newest first, and the chosen one as plain text with its links made
 * clickable. Open without sign-in, because the person a mail invites has no sign-in yet, but only to a browser on the
 * computer Kontor runs on: anybody else gets the page for an unknown address. It exists only with the demo data
 * switched on ({@link DevMailboxRoute} registers it), and stands outside the main layout.
 */
@Route(value = "dev/mailbox", autoLayout = false, registerAtStartup = false)
@AnonymousAllowed
class DevMailboxView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final Grid<MailboxEntry> grid = new Grid<>();
    private final Section reader = new Section();

    DevMailboxView(DevMailbox mailbox, LanguageSwitch languageSwitch) {
        setId("dev-mailbox");
        addClassName("dev-mailbox");

        Div header = new Div(new H1(getTranslation("mail.mailbox.title")), languageSwitch);
        header.addClassName("dev-mailbox-header");
        Paragraph intro = new Paragraph(getTranslation("mail.mailbox.intro"));

        grid.setId("mailbox");
        grid.setAriaLabel(getTranslation("mail.mailbox.mails"));
        grid.addColumn(MailboxEntry::recipient).setHeader(getTranslation("mail.mailbox.column.recipient"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MailboxEntry::subject).setHeader(getTranslation("mail.mailbox.column.subject"))
                .setFlexGrow(1);
        grid.addColumn(mail -> getTranslation("mail.state." + mail.state()))
                .setHeader(getTranslation("mail.mailbox.column.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(mail -> formatted(mail.createdAt()))
                .setHeader(getTranslation("mail.mailbox.column.created")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("mail.mailbox.empty"));
        grid.setItemsPageable(pageable -> mailbox.newestFirst(pageable).getContent());
        grid.asSingleSelect().addValueChangeListener(event -> show(event.getValue()));

        Button refresh = new Button(getTranslation("mail.mailbox.refresh"), new Icon(VaadinIcon.REFRESH),
                click -> grid.getDataProvider().refreshAll());
        refresh.setId("mailbox-refresh");
        refresh.addClassName("dev-mailbox-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        reader.setId("mail-reader");
        reader.addClassName("mail-reader");
        show(null);

        add(header, intro, refresh, grid, reader);
    }

    private String formatted(Instant instant) {
        return Moments.dateTime(instant, getLocale());
    }

    /** Shows one mail; every part of it goes in as text, and only its http(s) URLs become links. */
    private void show(MailboxEntry mail) {
        reader.removeAll();
        if (mail == null) {
            reader.add(new Paragraph(getTranslation("mail.mailbox.select")));
            return;
        }
        H2 subject = new H2(mail.subject());
        subject.setId("mail-subject");
        Paragraph recipient = new Paragraph(getTranslation("mail.mailbox.to", mail.recipient()));
        recipient.setId("mail-recipient");
        Pre body = new Pre();
        body.setId("mail-body");
        body.addClassName("mail-body");
        LinkedText.of(mail.body()).forEach(body::add);
        reader.add(subject, recipient, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!ThisComputer.sent(VaadinRequest.getCurrent())) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.mailbox.title");
    }
}
