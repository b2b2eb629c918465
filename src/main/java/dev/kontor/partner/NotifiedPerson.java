package dev.kontor.partner;

import java.util.Locale;

/**
 * Someone an e-mail of the customer's side goes to. {@code key} is what the recipient was found for (a relationship
 * or a customer id); {@code requester} marks the person who sent the partner's request.
 */
public record NotifiedPerson(long key, long userId, String email, String displayName, String language, boolean requester) {

    Locale locale() {
        return language == null ? null : Locale.forLanguageTag(language);
    }
}
