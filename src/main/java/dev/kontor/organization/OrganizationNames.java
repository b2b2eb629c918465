package dev.kontor.organization;

import dev.kontor.base.SearchKeys;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renames an organization. A customer account's name is guarded by the account's data version (the managers' dialog
 * and the provider's API change name and address at that version), while the organization's own version is the
 * account's state's, which a billing system holds to suspend or reactivate it: a customer account's new name leaves
 * the organization's version alone, so that such a call with the version it knew still applies. Any other
 * organization's name is guarded by its own version (a tenant's rename checks it), which a new name raises.
 */
@Component
class OrganizationNames {

    private final OrganizationRepository organizations;
    private final ApplicationEventPublisher events;

    @PersistenceContext
    private EntityManager entityManager;

    OrganizationNames(OrganizationRepository organizations, ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void rename(Organization organization, String name) {
        if (organization.getKind() != OrganizationKind.CUSTOMER) {
            organization.rename(name);
            return;
        }
        String searchKey = SearchKeys.fold(name);
        organizations.renameKeepingVersion(organization.getId(), name, searchKey);
        events.publishEvent(new CustomerRenamed(organization.getId(), name, searchKey));
        // the row now holds the new name at the same version: the entity reads it back, with nothing left to write
        entityManager.refresh(organization);
    }
}
