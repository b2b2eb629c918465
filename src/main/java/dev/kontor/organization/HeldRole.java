package dev.kontor.organization;

/** A role a person holds (actively) in one organization. */
record HeldRole(long organizationId, MembershipRole role) {
}
