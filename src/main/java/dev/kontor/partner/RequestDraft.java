package dev.kontor.partner;

/**
 * A prepared relationship request: the e-mail as it will be sent (to review and copy), and the token of its
 * personal link, which exists nowhere else and goes back with {@code sendRequest}.
 */
public record RequestDraft(long relationshipId, String token, String recipient, String subject, String body) {
}
