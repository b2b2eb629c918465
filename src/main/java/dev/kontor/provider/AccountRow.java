package dev.kontor.provider;

import dev.kontor.organization.OrganizationState;

/**
 * A customer account as the provider's administrators see it: number, name, state, version (to hand back with a
 * change), the first of its partners by name (active relationships) and how many it has.
 */
public record AccountRow(long id, String customerNumber, String name, OrganizationState state, long version,
                         String partnerName, long partners) {
}
