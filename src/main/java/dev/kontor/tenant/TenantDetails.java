package dev.kontor.tenant;

import dev.kontor.organization.OrganizationSummary;

/**
 * One tenant as its workspace shows it, with what the signed-in person may do there and in which role they work
 * in it (as held above it, e.g. "Partner administrator at Muster Hosting GmbH"), and whether it lies in a customer
 * account's tree ({@code forCustomer}), the only tenants that are handed over.
 */
public record TenantDetails(long id, String name, TenantType type, Edition edition, String characterSet,
                            boolean needsConfiguration, String logoVersion, OrganizationSummary master,
                            int activeAdministrators, TenantSettings settings, long profileVersion,
                            WorkingRole workingAs, boolean mayManage, boolean forCustomer) {

    public boolean hasLogo() {
        return logoVersion != null;
    }

    /** Only a tenant in a customer account's tree is handed over; a partner's own (a template) never waits for it. */
    public boolean readyForHandover() {
        return !forCustomer || activeAdministrators > 0;
    }
}
