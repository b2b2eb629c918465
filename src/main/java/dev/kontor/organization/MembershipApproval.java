package dev.kontor.organization;

/**
 * A membership that a partner asked for and nobody has approved yet, as the list of people shows it: invited (the
 * person has not accepted) or accepted and waiting for approval; the partner's name; and whether the signed-in
 * person may approve or refuse it now.
 */
public record MembershipApproval(long membershipId, String partnerName, MembershipState state, boolean mayDecide) {

    public boolean awaitsDecision() {
        return state == MembershipState.APPROVAL_PENDING;
    }
}
