package dev.kontor.tenant;

import dev.kontor.organization.OrganizationKind;
import java.time.Instant;

/**
 * One row of the tenant tree: a partner, customer account or tenant, with what the tree shows about it. Counts come
 * with the row, so that neither the expand arrows nor the handover mark cost a statement per row. {@code forCustomer}
 * says whether the node lies in a customer account's tree (a tenant there is handed over to the customer).
 */
public record TreeNode(long id, OrganizationKind kind, String name, String customerNumber, TenantType type,
                       Edition edition, int administrators, int children, Instant createdAt,
                       boolean needsConfiguration, boolean hasLogo, long version, boolean forCustomer) {

    public boolean isTenant() {
        return kind == OrganizationKind.TENANT;
    }

    /**
     * Rule 6: a tenant goes to a customer only with at least one active tenant administrator. A tenant of a partner's
     * or the provider's own tree (a template, say) is handed to nobody, so it is never "not ready".
     */
    public boolean readyForHandover() {
        return !isTenant() || !forCustomer || administrators > 0;
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
