package dev.kontor.user;

import java.util.Locale;

/** A person as other features see them: never with their password hash. The language is null until they choose. */
public record UserSummary(long id, String email, String displayName, boolean hasPassword, Locale language) {
}
