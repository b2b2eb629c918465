package dev.kontor.organization;

/** Only ACTIVE memberships grant anything. */
public enum MembershipState {
    INVITED, ACTIVE, DEACTIVATED
}
