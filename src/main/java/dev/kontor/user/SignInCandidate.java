package dev.kontor.user;

import java.util.Locale;

/**
 * What sign-in needs of a user: never leaves the security feature. {@code passwordHash} is null for a person who was
 * invited and has not chosen a password yet; {@code language} is null until they choose one.
 */
public record SignInCandidate(long userId, String email, String displayName, String passwordHash, Locale language) {
}
