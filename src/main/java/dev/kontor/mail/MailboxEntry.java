package dev.kontor.mail;

import java.time.Instant;

/** A mail of the outbox as the demo mailbox shows it. */
public record MailboxEntry(long id, String recipient, String subject, String body, MailState state, int attempts,
                           Instant createdAt, Instant sentAt) {
}
