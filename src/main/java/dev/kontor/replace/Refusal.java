package dev.kontor.replace;

/** Why a place cannot be replaced or removed; each names what the acting person can do about it. */
public enum Refusal {
    /** The successor would have to be an active manager of the account: invite them there first. */
    SUCCESSOR_NOT_ACTIVE_MANAGER,
    /** The successor would have to be an active administrator of the tenant: invite them there first. */
    SUCCESSOR_NOT_ACTIVE_ADMINISTRATOR,
    /** The successor would have to hold the same role in the partner, active: invite them there first. */
    SUCCESSOR_NOT_ACTIVE_IN_ROLE,
    /** The successor is neither a user nor a contact of the organization: add them as a contact first. */
    SUCCESSOR_UNKNOWN_HERE,
    /** Without a successor the account keeps its contact person: choose another contact person there first. */
    STILL_CONTACT_PERSON,
    /** The account would be left without an active manager. */
    LAST_ACTIVE_MANAGER,
    /** The tenant would be left without an active administrator (not ready for handover). */
    LAST_ACTIVE_ADMINISTRATOR,
    /** The partner would be left without an active legal representative. */
    LAST_LEGAL_REPRESENTATIVE,
    /** The acting person may change other things in the organization, but not this. */
    RIGHT_MISSING
}
