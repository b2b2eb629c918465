package dev.kontor.tenant;

import dev.kontor.organization.OrganizationKind;

/**
 * A top node of someone's tenant tree and how far below it they see: a partner's own tenants (and, for its legal
 * representatives and administrators, the customers that let it manage their tenants), a customer account's
 * tenants, or a tenant's sub-tenants.
 */
record TreeScope(long rootId, OrganizationKind kind, String pathBelow, boolean withManagedCustomers) {
}
