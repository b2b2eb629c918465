package dev.kontor.organization;

/** A person in one role of one organization, as lists of members show them. */
public record Member(long membershipId, long userId, String displayName, String email, MembershipRole role,
                     MembershipState state, long version) {

    public boolean isActive() {
        return state == MembershipState.ACTIVE;
    }
}
