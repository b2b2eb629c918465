package dev.kontor.tenant;

import dev.kontor.organization.OrganizationSummary;

/**
 * One tenant as its workspace shows it, with what the signed-in person may do there and in which role they work
 * in it (as held above it, e.g. "Partner administrator at Muster Hosting GmbH").
 */
public record TenantDetails(long id, String name, TenantType type, Edition edition, String characterSet,
                            boolean needsConfiguration, String logoVersion, OrganizationSummary master,
                            int activeAdministrators, TenantSettings settings, long profileVersion,
                            WorkingRole workingAs, boolean mayManage) {

    public boolean hasLogo() {
        return logoVersion != null;
    }

    public boolean readyForHandover() {
        return activeAdministrators > 0;
    }
}
