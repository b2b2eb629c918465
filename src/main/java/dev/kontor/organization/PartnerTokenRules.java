package dev.kontor.organization;

import dev.kontor.user.ApiTokenIdentity;

/**
 * The rules a customer sets for partners working in its account (a reason first, its contact person told), applied
 * to a partner acting as a whole through an API token, which has no access session to apply them. {@link
 * OrganizationAccess} asks them whenever a partner's token would hold rights in a customer account, or a tenant below
 * it, through the partnership; the access feature implements it.
 */
public interface PartnerTokenRules {

    /**
     * Lets the token work in the customer's account under the customer's rules, or refuses it (audited) by throwing
     * {@link dev.kontor.base.InvalidInput} naming {@link ApiTokenIdentity#ACCESS_REASON_HEADER}.
     */
    void admit(ApiTokenIdentity token, long customerId);
}
