package dev.kontor.user;

/** What sign-in needs of a user: never leaves the security feature. */
public record SignInCandidate(long userId, String email, String displayName, String passwordHash, boolean locked) {
}
