package dev.kontor.organization;

import dev.kontor.user.Caller;
import java.util.Set;

/**
 * Rights a person holds in an organization without being a member of it or of an organization above it, e.g. a
 * partner user working in a customer's account. Features that grant such rights implement this;
 * {@link OrganizationAccess} asks them all, with the organization's whole path so that rights can reach the tenants
 * below an account.
 */
public interface DelegatedRights {

    /**
     * What is delegated to this person (the caller's signed-in person, user id given) in the path's target; the
     * caller tells, for instance, the access session its browser tab works in.
     */
    Set<OrganizationRight> rightsOf(Caller caller, long userId, OrganizationPath path);
}
