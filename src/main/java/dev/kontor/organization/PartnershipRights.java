package dev.kontor.organization;

import java.util.Set;

/**
 * The rights a partner organization itself holds in a customer account and the tenants below it through its active
 * relationship with the customer: what the customer granted, never more. Asked for callers that act as the partner
 * as a whole (an API token), who have no access session; the partner feature implements it.
 */
public interface PartnershipRights {

    Set<OrganizationRight> rightsOfPartner(long partnerId, OrganizationPath path);
}
