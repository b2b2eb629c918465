package dev.kontor.mail;

/** One e-mail to send. Plain text only (never HTML) so nothing a user typed can become markup. */
public record MailMessage(String idempotencyKey, String recipient, String subject, String body) {
}
