package dev.kontor.partner;

import dev.kontor.organization.MembershipRole;

/** A partner the signed-in person works for, and their role there. */
public record PartnerMembership(long partnerId, String partnerName, MembershipRole role) {

    public boolean isLegalRepresentative() {
        return role == MembershipRole.LEGAL_REPRESENTATIVE;
    }

    /** Legal representatives and administrators see every customer; employees only their own. */
    public boolean seesAllCustomers() {
        return role == MembershipRole.LEGAL_REPRESENTATIVE || role == MembershipRole.PARTNER_ADMINISTRATOR;
    }
}
