package dev.kontor.organization;

import java.util.Set;

/**
 * Rights a person holds in an organization without being a member of it or of an organization above it, e.g. a
 * partner user working in a customer's account. Features that grant such rights implement this;
 * {@link OrganizationAccess} asks them all, with the organization's whole path so that rights can reach the tenants
 * below an account.
 */
public interface DelegatedRights {

    Set<OrganizationRight> rightsOf(long userId, OrganizationPath path);
}
