package dev.kontor.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the whole outbox for the demo mailbox page, where anybody may follow the links of the mails. It exists only
 * when the demo data is switched on ({@code kontor.demo-data.enabled=true}); a production instance has no such door.
 */
@Service
@ConditionalOnBooleanProperty("kontor.demo-data.enabled")
public class DevMailbox {

    private final OutgoingMailRepository mails;

    DevMailbox(OutgoingMailRepository mails) {
        this.mails = mails;
    }

    /** One slice of the outbox, newest first; the sort of the request is ignored. No total is counted. */
    @Transactional(readOnly = true)
    public Slice<MailboxEntry> newestFirst(Pageable pageable) {
        return mails.findByOrderByIdDesc(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()))
                .map(OutgoingMail::toEntry);
    }
}
