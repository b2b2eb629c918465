package dev.kontor.mail;

/** Where a mail of the outbox stands: waiting for (another) delivery attempt, or handed to the mail server. */
public enum MailState {
    PENDING, SENT
}
