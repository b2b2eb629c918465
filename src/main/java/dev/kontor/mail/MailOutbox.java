package dev.kontor.mail;

import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send an e-mail: the mail is written to the outbox in the caller's transaction, so that it is kept
 * exactly when the change that causes it is, and the background sender delivers it afterwards. Callers are other
 * services (never views), so this checks no role; whoever may make the change may cause its mail.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final OutgoingMailRepository mails;
    private final Clock clock;

    MailOutbox(OutgoingMailRepository mails, Clock clock) {
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Must be called inside the caller's transaction (Propagation.MANDATORY); a second message with the same
     * idempotency key is ignored (at-least-once producers). Two transactions that add the same key at the very same
     * time are told apart by the database's unique key: the later one fails and rolls back, and its producer's
     * retry then finds the mail and adds nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailMessage message) {
        Objects.requireNonNull(message, "message");
        if (mails.existsByIdempotencyKey(message.idempotencyKey())) {
            log.debug("Mail {} is in the outbox already; the duplicate is ignored", message.idempotencyKey());
            return;
        }
        mails.save(OutgoingMail.pending(message, clock.instant()));
    }
}
