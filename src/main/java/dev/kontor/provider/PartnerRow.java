package dev.kontor.provider;

import dev.kontor.organization.OrganizationState;
import java.time.Instant;

/**
 * A partner as the provider's administrators see it: its state, how many customers it manages (active
 * relationships), how many people belong to it (not deactivated), and the version to hand back with a change.
 */
public record PartnerRow(long id, String name, OrganizationState state, Instant createdAt, long version,
                         long customers, long people) {
}
