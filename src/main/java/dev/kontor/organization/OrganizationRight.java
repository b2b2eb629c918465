package dev.kontor.organization;

/**
 * What a person may do in an organization. A customer account's managers hold every right there; a partner holds
 * the rights its customer granted (through {@link DelegatedRights}). ADMIN includes all others.
 */
public enum OrganizationRight {
    VIEW, MANAGE_USERS, MANAGE_CONTACTS, MANAGE_TENANTS, BILLING, ADMIN;

    public boolean isSatisfiedBy(java.util.Set<OrganizationRight> held) {
        return held.contains(this) || held.contains(ADMIN) || (this == VIEW && !held.isEmpty());
    }
}
