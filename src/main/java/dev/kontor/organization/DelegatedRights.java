package dev.kontor.organization;

import java.util.Set;

/**
 * Rights a person holds in an organization without being a member of it, e.g. a partner user working in a
 * customer's account. Features that grant such rights implement this; {@link OrganizationAccess} asks them all.
 */
public interface DelegatedRights {

    Set<OrganizationRight> rightsOf(long userId, long organizationId);
}
