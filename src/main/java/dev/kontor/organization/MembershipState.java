package dev.kontor.organization;

/**
 * Only ACTIVE memberships grant anything. INVITED waits for the person to accept; APPROVAL_PENDING, for a membership
 * given or revived on a partner's behalf, waits after that for one of the customer's own people to approve.
 */
public enum MembershipState {
    INVITED, APPROVAL_PENDING, ACTIVE, DEACTIVATED
}
