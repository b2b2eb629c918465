package dev.kontor.partner;

/** The person a request was sent to; {@code invitedMembershipId} is their not yet accepted manager role, if any. */
record Addressee(long userId, Long invitedMembershipId) {
}
