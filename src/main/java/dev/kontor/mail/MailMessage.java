package dev.kontor.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One e-mail to send. Plain text only (never HTML) so nothing a user typed can become markup.
 *
 * @param idempotencyKey names the mail for its producer (e.g. {@code invitation:4711}); the outbox keeps only the
 *                       first mail with a key, so a producer may hand the same mail over more than once
 * @param recipient      one bare e-mail address ({@code anna@example.com}, no display name)
 * @param subject        one line
 * @param body           the plain text
 */
public record MailMessage(String idempotencyKey, String recipient, String subject, String body) {

    public static final int IDEMPOTENCY_KEY_MAX_LENGTH = 200;
    public static final int RECIPIENT_MAX_LENGTH = 254;
    public static final int SUBJECT_MAX_LENGTH = 200;
    public static final int BODY_MAX_LENGTH = 20_000;

    public MailMessage {
        requireText("idempotencyKey", idempotencyKey, IDEMPOTENCY_KEY_MAX_LENGTH);
        requireText("recipient", recipient, RECIPIENT_MAX_LENGTH);
        requireText("subject", subject, SUBJECT_MAX_LENGTH);
        requireText("body", body, BODY_MAX_LENGTH);
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("The subject must be a single line");
        }
        requireBareAddress(recipient);
    }

    private static void requireText(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must have at most " + maxLength + " characters");
        }
    }

    private static void requireBareAddress(String recipient) {
        int at = recipient.indexOf('@');
        boolean plausible = at > 0 && at == recipient.lastIndexOf('@') && at < recipient.length() - 1;
        try {
            if (plausible && new InternetAddress(recipient, true).getAddress().equals(recipient)) {
                return;
            }
        } catch (AddressException e) {
            // refused below, like any other malformed address
        }
        throw new IllegalArgumentException("The recipient must be one bare e-mail address");
    }
}
