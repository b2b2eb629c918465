package dev.kontor.tenant;

import dev.kontor.organization.MembershipRole;

/**
 * The role in which someone works in a tenant: a role they hold in it or above it (then {@code role} and
 * {@code heldIn} are set), or a partner's rights granted by the customer ({@code role} null, {@code heldIn} names
 * the partner or the customer account).
 */
public record WorkingRole(MembershipRole role, String heldIn) {
}
