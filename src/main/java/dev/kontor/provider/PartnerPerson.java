package dev.kontor.provider;

import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;

/** One of a partner's people: their membership (id and version for a change), name, address, role and state. */
public record PartnerPerson(long membershipId, long userId, String name, String email, MembershipRole role,
                            MembershipState state, long version) {
}
