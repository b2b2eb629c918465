package dev.kontor.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    /** Keys per lookup statement, well below every database's limit on bind parameters. */
    private static final int KEY_LOOKUP_CHUNK = 1000;

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

    /**
     * As {@link #enqueue} for many mails at once (a mailing's batch): one query finds the keys present already, then
     * the new mails are written, so a batch of hundreds costs no more than one statement per mail. Returns how many
     * were new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueAll(Collection<MailMessage> messages) {
        Map<String, MailMessage> byKey = new LinkedHashMap<>();
        messages.forEach(message -> byKey.putIfAbsent(Objects.requireNonNull(message, "message").idempotencyKey(),
                message));
        Set<String> present = new HashSet<>();
        List<String> keys = List.copyOf(byKey.keySet());
        for (int from = 0; from < keys.size(); from += KEY_LOOKUP_CHUNK) {
            present.addAll(mails.findPresentKeys(keys.subList(from, Math.min(keys.size(), from + KEY_LOOKUP_CHUNK))));
        }
        Instant now = clock.instant();
        int added = 0;
        for (MailMessage message : byKey.values()) {
            if (present.contains(message.idempotencyKey())) {
                log.debug("Mail {} is in the outbox already; the duplicate is ignored", message.idempotencyKey());
            } else {
                mails.save(OutgoingMail.pending(message, now));
                added++;
            }
        }
        return added;
    }
}
