package dev.kontor.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Limit;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox through SMTP; it exists only when a mail server is configured ({@code spring.mail.host}).
 * Every poll claims a small batch of due mails with row locks that other senders skip, sends each and records the
 * outcome in the same transaction: SENT, or one more failed attempt with its error and a later next attempt. The
 * locks are held while the batch is sent, so two app instances never send the same mail; if the transaction cannot
 * commit after a send, the mail is sent again later (at least once), with the same Message-ID.
 *
 * <p>At least once, on purpose: a node that dies between handing mails to the server and committing loses its
 * transaction, its claims end with it, and another node sends the batch's mails again (at most one batch). Marking
 * mails as taken before sending them would instead lose them (at most once), and a lost invitation or unlock link is
 * worse than a second copy of it that carries the same Message-ID and the same link.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailDelivery {

    /** What one round did: how many due mails it claimed, and how many of those the mail server took. */
    record Round(int claimed, int sent) {
    }

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutgoingMailRepository mails;
    private final JavaMailSender sender;
    private final TransactionTemplate transaction;
    private final MailSettings settings;
    private final Clock clock;
    private final InternetAddress from;
    private final String messageIdDomain;

    MailDelivery(OutgoingMailRepository mails, JavaMailSender sender, TransactionTemplate transaction,
                 MailSettings settings, Clock clock) throws AddressException {
        this.mails = mails;
        this.sender = sender;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
        this.from = new InternetAddress(settings.from(), true);
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.indexOf('@') + 1);
    }

    /**
     * Runs rounds until one finds fewer due mails than a batch, so that a backlog drains in one poll. One node at a
     * time polls (the job lock); the row claims keep every mail to one sender even when two nodes overlap.
     */
    @Scheduled(fixedDelayString = "${kontor.mail.poll-interval:5s}",
            initialDelayString = "${kontor.mail.poll-interval:5s}")
    @SchedulerLock(name = "mail-delivery")
    void deliverOnSchedule() {
        LockAssert.assertLocked();
        Round round;
        do {
            round = deliverDueMails();
        } while (round.claimed() == settings.batchSize());
    }

    /** One round: claims up to a batch of due mails, sends them and records each outcome. */
    Round deliverDueMails() {
        Round round = transaction.execute(status -> {
            Instant now = clock.instant();
            List<OutgoingMail> due = mails.claimDue(now, Limit.of(settings.batchSize()));
            int sent = 0;
            for (OutgoingMail mail : due) {
                if (send(mail, now)) {
                    sent++;
                }
            }
            return new Round(due.size(), sent);
        });
        if (round.claimed() > 0) {
            log.info("Mail delivery: {} of {} due mails sent", round.sent(), round.claimed());
        }
        return round;
    }

    private boolean send(OutgoingMail mail, Instant now) {
        try {
            sender.send(mimeMessage(mail));
            mail.markSent(clock.instant());
            return true;
        } catch (MessagingException | RuntimeException e) {
            // whatever went wrong is this mail's failure; the others of the batch are still sent and recorded
            Duration retryDelay = settings.retryDelayAfter(mail.getAttempts() + 1);
            mail.markFailed(describe(e), now, retryDelay);
            log.warn("Mail {} not sent (attempt {}), next attempt in {}: {}", mail.getId(), mail.getAttempts(),
                    retryDelay, e.toString());
            return false;
        }
    }

    private MimeMessage mimeMessage(OutgoingMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(new InternetAddress(mail.getRecipient(), true));
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), false);
        // RFC 3834: sent by a machine, so that auto-responders stay quiet
        message.setHeader("Auto-Submitted", "auto-generated");
        // the same mail keeps its Message-ID on every attempt, so a receiver can recognise a repeat
        message.setHeader("Message-ID", messageIdFor(mail.getIdempotencyKey(), messageIdDomain));
        return message;
    }

    /** A stable Message-ID derived from the idempotency key (a name-based UUID, so any key makes a valid id). */
    static String messageIdFor(String idempotencyKey, String domain) {
        UUID id = UUID.nameUUIDFromBytes(("kontor-mail:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        return "<" + id + "@" + domain + ">";
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
            if (text.length() > OutgoingMail.ERROR_MAX_LENGTH) {
                break;
            }
        }
        return text.toString();
    }
}
