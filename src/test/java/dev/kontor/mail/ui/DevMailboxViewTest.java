package dev.kontor.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.dom.Element;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.mail.MailboxEntry;
import dev.kontor.testing.ViewTest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.transaction.support.TransactionTemplate;

@ViewTest
class DevMailboxViewTest extends SpringBrowserlessTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Test
    @WithAnonymousUser
    void a_visitor_who_is_not_signed_in_sees_the_newest_mail_first_without_the_main_layout() {
        String subject = enqueue("Welcome to Kontor", "Hello");

        DevMailboxView view = navigate("dev/mailbox", DevMailboxView.class);

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).containsExactly(view);
        assertThat(view.getPageTitle()).isEqualTo("Demo mailbox");
        GridTester<Grid<MailboxEntry>, MailboxEntry> grid = test(mailbox());
        assertThat(grid.getCellText(0, 0)).isEqualTo("anna@sonnenschein.test");
        assertThat(grid.getCellText(0, 1)).isEqualTo(subject);
        assertThat(grid.getCellText(0, 2)).isEqualTo("Waiting");
        // a browser that did not tell its zone: the time names the zone it is shown in
        assertThat(grid.getCellText(0, 3)).matches(".* (CET|CEST)");
    }

    @Test
    @WithAnonymousUser
    void times_are_shown_in_the_browsers_own_time_zone() {
        enqueue("Zoned", "Hello");
        ExtendedClientDetails.updateFromValues(UI.getCurrent(), key -> "v-tzid".equals(key) ? "America/New_York" : null);

        navigate("dev/mailbox", DevMailboxView.class);

        MailboxEntry newest = test(mailbox()).getRow(0);
        assertThat(test(mailbox()).getCellText(0, 3)).isEqualTo(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(UI.getCurrent().getLocale())
                .withZone(ZoneId.of("America/New_York")).format(newest.createdAt()));
    }

    @Test
    @WithAnonymousUser
    void selecting_a_mail_shows_its_body_with_the_links_made_clickable() {
        String subject = enqueue("Your invitation",
                "Hello Anna,\nplease accept: https://kontor.test/invitation/abc?x=1.\nBye");
        navigate("dev/mailbox", DevMailboxView.class);

        test(mailbox()).select(0);

        assertThat(find(H2.class).withId("mail-subject").single().getText()).isEqualTo(subject);
        Pre body = body();
        assertThat(body.getElement().getTextRecursively())
                .isEqualTo("Hello Anna,\nplease accept: https://kontor.test/invitation/abc?x=1.\nBye");
        List<Anchor> links = body.getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast).toList();
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getHref()).isEqualTo("https://kontor.test/invitation/abc?x=1");
            assertThat(link.getText()).isEqualTo("https://kontor.test/invitation/abc?x=1");
        });
    }

    @Test
    @WithAnonymousUser
    void markup_in_a_mail_shows_as_literal_text() {
        String text = "<b>x</b> <script>alert(1)</script> <a href=\"javascript:alert(2)\">y</a>";
        enqueue("<i>Subject</i>", text);
        navigate("dev/mailbox", DevMailboxView.class);

        test(mailbox()).select(0);

        assertThat(find(H2.class).withId("mail-subject").single().getText()).startsWith("<i>Subject</i>");
        Pre body = body();
        assertThat(body.getElement().getTextRecursively()).isEqualTo(text);
        assertThat(body.getElement().getChildren()).allMatch(Element::isTextNode);
        assertThat(body.getChildren().filter(Anchor.class::isInstance)).isEmpty();
    }

    private String enqueue(String subject, String body) {
        String unique = subject + " " + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.enqueue(
                new MailMessage("test:" + unique, "anna@sonnenschein.test", unique, body)));
        return unique;
    }

    private Pre body() {
        return find(Pre.class).withId("mail-body").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<MailboxEntry> mailbox() {
        return find(Grid.class).withId("mailbox").single();
    }
}
