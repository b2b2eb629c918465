package dev.kontor.security;

/** Who tries to reach the victim's data in the isolation matrix; none of them holds a right to it. */
enum Attacker {
    /** Manages a neighbouring customer account of the same partner. */
    OTHER_MANAGER,
    /** An employee of the victim's partner who is not assigned to the victim's account. */
    UNASSIGNED_PARTNER_EMPLOYEE,
    /** The administrator of another partner (the one that has a request pending with the victim). */
    OTHER_PARTNERS_ADMINISTRATOR,
    /** The administrator of the tenant beside the attacked one, below the same account. */
    SIBLING_TENANTS_ADMINISTRATOR,
    /** Platform support: may read for a ticket, never write. */
    SUPPORT,
    /** The victim's own partner administrator, outside any access session. */
    PARTNER_OUTSIDE_ACCESS_SESSION,
    /** Nobody signed in. */
    ANONYMOUS
}
