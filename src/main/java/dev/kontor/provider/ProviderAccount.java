package dev.kontor.provider;

import dev.kontor.organization.OrganizationState;
import java.time.Instant;

/**
 * A customer account as the provider's systems sync it. {@code version} goes back with a change of state (suspend,
 * reactivate, close), {@code dataVersion} with a change of name and address (the version the managers' own dialog
 * keeps, so that neither overwrites the other unseen); {@code changedAt} is the last change of its own data.
 */
public record ProviderAccount(long id, String customerNumber, String name, OrganizationState state, long version,
                              long dataVersion, String street, String postalCode, String city, String country,
                              Instant changedAt) {
}
