package dev.kontor.tenant;

import dev.kontor.organization.OrganizationKind;
import java.time.Instant;

/**
 * One row of the tenant tree: a partner, customer account or tenant, with what the tree shows about it. Counts come
 * with the row, so that neither the expand arrows nor the handover mark cost a statement per row.
 */
public record TreeNode(long id, OrganizationKind kind, String name, String customerNumber, TenantType type,
                       Edition edition, int administrators, int children, Instant createdAt,
                       boolean needsConfiguration, boolean hasLogo, long version) {

    public boolean isTenant() {
        return kind == OrganizationKind.TENANT;
    }

    /** Rule 6: a tenant goes to a customer only with at least one active tenant administrator. */
    public boolean readyForHandover() {
        return !isTenant() || administrators > 0;
    }

    /** The customer number, or for a tenant its id as people quote it ("T-42"). */
    public String reference() {
        return customerNumber != null ? customerNumber : isTenant() ? "T-" + id : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeNode other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
