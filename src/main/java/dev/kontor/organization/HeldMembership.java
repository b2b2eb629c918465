package dev.kontor.organization;

/** A role the signed-in person holds actively, and the organization it is held in. */
public record HeldMembership(long organizationId, MembershipRole role) {
}
