package dev.kontor.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Placeholder of the agreed API until the outbox branch is merged. */
@Service
public class MailOutbox {

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailMessage message) {
        throw new IllegalStateException("outbox not merged yet");
    }
}
