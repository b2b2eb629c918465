package dev.kontor.organization;

/**
 * Whether an organization's memberships grant anything. A SUSPENDED partner or customer account can be reactivated
 * by the provider's administrators; a CLOSED customer account stays closed.
 */
public enum OrganizationState {
    ACTIVE, SUSPENDED, CLOSED
}
