package dev.kontor.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the whole outbox for the demo mailbox page, where a browser on the same computer may follow the links of the
 * mails. It exists only when the demo data is switched on ({@code kontor.demo-data.enabled=true}, set by the
 * {@code demo} profile); a production instance has no such door, and says so loudly when it has.
 */
@Service
@ConditionalOnBooleanProperty("kontor.demo-data.enabled")
public class DevMailbox {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

    private final OutgoingMailRepository mails;

    DevMailbox(OutgoingMailRepository mails) {
        this.mails = mails;
        log.warn("The demo mailbox is on: /dev/mailbox shows every outgoing mail, invitation links included, to any "
                + "browser on this computer. Never run the demo profile (kontor.demo-data.enabled) where real people "
                + "get mails.");
    }

    /** One slice of the outbox, newest first; the sort of the request is ignored. No total is counted. */
    @Transactional(readOnly = true)
    public Slice<MailboxEntry> newestFirst(Pageable pageable) {
        return mails.findByOrderByIdDesc(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()))
                .map(OutgoingMail::toEntry);
    }
}
