package dev.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery through a real SMTP server (GreenMail on port 3025). The schedule is pushed out of the way (one poll an
 * hour) and the test runs the rounds itself; "later" comes by moving the clock on, not by waiting.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "spring.mail.host=localhost",
        "spring.mail.port=3025",
        "kontor.mail.poll-interval=1h"})
class MailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailDelivery delivery;

    @Autowired
    OutgoingMailRepository mails;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void a_pending_mail_is_delivered_with_subject_body_and_recipient() throws Exception {
        String key = enqueue("Grüße aus Kontor", "Hello Anna,\n\nplease sign in: https://kontor.test/login\nKontor");
        Instant before = clock.instant();

        MailDelivery.Round round = delivery.deliverDueMails();

        assertThat(round).isEqualTo(new MailDelivery.Round(1, 1));
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Grüße aus Kontor");
            assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("anna@sonnenschein.test"));
            assertThat(message.getFrom()).containsExactly(new InternetAddress("Kontor <no-reply@kontor.test>"));
            assertThat(message.getContentType()).startsWith("text/plain");
            assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                    .isEqualTo("Hello Anna,\n\nplease sign in: https://kontor.test/login\nKontor");
            assertThat(message.getMessageID()).isEqualTo(MailDelivery.messageIdFor(key, "kontor.test"));
            assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        });
        assertThat(mails.findByIdempotencyKey(key)).get().satisfies(mail -> {
            assertThat(mail.getState()).isEqualTo(MailState.SENT);
            assertThat(mail.getSentAt()).isBetween(before, clock.instant());
            assertThat(mail.getAttempts()).isEqualTo(1);
        });
        assertThat(jdbc.queryForObject("select body from outgoing_mail where idempotency_key = ?", String.class, key))
                .as("the personal link does not outlive the delivery").isEqualTo(OutgoingMail.DELIVERED_BODY);
        assertThat(delivery.deliverDueMails()).as("a sent mail is not sent again")
                .isEqualTo(new MailDelivery.Round(0, 0));
    }

    @Test
    void a_failed_delivery_is_retried_later_and_never_lost() throws Exception {
        smtp.stop();
        String key = enqueue("Your invitation", "Welcome");

        Instant firstAttempt = clock.instant();
        assertThat(delivery.deliverDueMails()).isEqualTo(new MailDelivery.Round(1, 0));
        OutgoingMail afterFirst = mails.findByIdempotencyKey(key).orElseThrow();
        assertThat(afterFirst.getState()).isEqualTo(MailState.PENDING);
        assertThat(afterFirst.getAttempts()).isEqualTo(1);
        assertThat(afterFirst.getLastError()).contains("Couldn't connect")
                .hasSizeLessThanOrEqualTo(OutgoingMail.ERROR_MAX_LENGTH);
        assertThat(afterFirst.getSentAt()).isNull();
        // the next attempt is 30 s after this one
        assertThat(afterFirst.getNextAttemptAt()).isBetween(firstAttempt.plusSeconds(30),
                clock.instant().plusSeconds(30));

        moveClockTo(afterFirst.getNextAttemptAt());
        Instant secondAttempt = clock.instant();
        assertThat(delivery.deliverDueMails()).as("due again, server still down")
                .isEqualTo(new MailDelivery.Round(1, 0));
        OutgoingMail afterSecond = mails.findByIdempotencyKey(key).orElseThrow();
        assertThat(afterSecond.getAttempts()).isEqualTo(2);
        // twice the pause now
        assertThat(afterSecond.getNextAttemptAt()).isBetween(secondAttempt.plusSeconds(60),
                clock.instant().plusSeconds(60));

        smtp.start();
        assertThat(delivery.deliverDueMails()).as("the server is back, but the mail is not due yet")
                .isEqualTo(new MailDelivery.Round(0, 0));
        assertThat(smtp.getReceivedMessages()).isEmpty();

        moveClockTo(afterSecond.getNextAttemptAt());
        Instant thirdAttempt = clock.instant();
        assertThat(delivery.deliverDueMails()).isEqualTo(new MailDelivery.Round(1, 1));

        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Your invitation");
            assertThat(message.getMessageID()).isEqualTo(MailDelivery.messageIdFor(key, "kontor.test"));
        });
        assertThat(mails.findByIdempotencyKey(key)).get().satisfies(mail -> {
            assertThat(mail.getState()).isEqualTo(MailState.SENT);
            assertThat(mail.getAttempts()).isEqualTo(3);
            assertThat(mail.getSentAt()).isBetween(thirdAttempt, clock.instant());
        });
    }

    private void moveClockTo(Instant instant) {
        Duration ahead = Duration.between(clock.instant(), instant);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    private String enqueue(String subject, String body) {
        String key = "test:" + UUID.randomUUID();
        transaction.executeWithoutResult(status ->
                outbox.enqueue(new MailMessage(key, "anna@sonnenschein.test", subject, body)));
        return key;
    }
}
