package dev.kontor.organization;

/**
 * A partner or customer account was suspended or closed, inside the transaction that did it (with the organization's
 * row locked): listeners end what its people were doing, at once and in the same transaction.
 */
public record OrganizationSuspended(long organizationId, OrganizationKind kind, OrganizationState state) {
}
