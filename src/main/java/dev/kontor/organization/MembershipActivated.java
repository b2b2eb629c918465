package dev.kontor.organization;

/** A person's membership became ACTIVE (granted, accepted or revived); published inside that transaction. */
public record MembershipActivated(long organizationId, long userId, MembershipRole role) {
}
