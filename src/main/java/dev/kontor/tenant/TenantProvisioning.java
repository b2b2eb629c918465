package dev.kontor.tenant;

import dev.kontor.user.Caller;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates tenants on the provider's behalf (its tooling, the demo data); people use {@link TenantService}. */
@Service
@Transactional
public class TenantProvisioning {

    private final OrganizationOnboarding onboarding;
    private final TenantRepository tenants;

    TenantProvisioning(OrganizationOnboarding onboarding, TenantRepository tenants) {
        this.onboarding = onboarding;
        this.tenants = tenants;
    }

    public Organization importTenant(Caller.Task task, long masterId, String name, TenantType type, Edition edition,
                                     String characterSet, TenantSettings settings) {
        Caller.requireTask(task);
        Organization tenant = onboarding.createTenant(task, name, masterId);
        Tenant profile = new Tenant(tenant.getId(), type, edition, characterSet);
        profile.apply(settings);
        tenants.save(profile);
        return tenant;
    }
}
