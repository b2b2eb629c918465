package dev.kontor.organization;

import dev.kontor.user.Caller;
import java.util.Optional;

/**
 * The partner for which the signed-in person works in an organization right now: set while they are in an access
 * session for the customer account on this path (the account or a tenant below it), empty otherwise. Membership
 * changes ask it so that nobody inside an access session enrols themselves or their partner's people.
 */
public interface ActingPartner {

    Optional<Long> partnerActingIn(Caller caller, OrganizationPath path);
}
