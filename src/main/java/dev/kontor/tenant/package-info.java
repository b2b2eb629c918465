/**
 * Tenants: the tree below partners and customer accounts, creating tenants (type, version, character set, a logo
 * whose content has been checked), logging into one in a tab of its own, its administrators (rule 6: one active
 * administrator before handover), moving tenants and copying a master tenant's content down in the background.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link TenantTreeQueries} reads the tree
 * from the organizations with the administrators' count and the partner's managed customers in one statement per page.
 */
package dev.kontor.tenant;
