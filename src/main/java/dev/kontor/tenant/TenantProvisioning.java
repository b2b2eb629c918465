package dev.kontor.tenant;

import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.user.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates tenants on the provider's behalf (its tooling, the demo data); people use {@link TenantService}. */
@Service
@PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
@Transactional
public class TenantProvisioning {

    private final OrganizationOnboarding onboarding;
    private final TenantRepository tenants;

    TenantProvisioning(OrganizationOnboarding onboarding, TenantRepository tenants) {
        this.onboarding = onboarding;
        this.tenants = tenants;
    }

    public Organization importTenant(long masterId, String name, TenantType type, Edition edition,
                                     String characterSet, TenantSettings settings) {
        Organization tenant = onboarding.createTenant(name, masterId);
        Tenant profile = new Tenant(tenant.getId(), type, edition, characterSet);
        profile.apply(settings);
        tenants.save(profile);
        return tenant;
    }
}
