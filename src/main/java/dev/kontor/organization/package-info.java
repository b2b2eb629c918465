/**
 * The organization tree (provider, partners, customers, tenants) and who holds which role where.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link AuditLogRows} and {@link
 * OrganizationAuditLogDirectory} answer the audit feature's {@code AuditLogDirectory}: the audit log's pages filtered
 * by organization and actor, and the names a page mentions.
 */
package dev.kontor.organization;
