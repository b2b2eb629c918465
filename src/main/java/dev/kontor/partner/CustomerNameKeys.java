package dev.kontor.partner;

import dev.kontor.organization.CustomerRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the name key the managed-customers grid sorts and filters by in step with the customer's name, inside the
 * transaction that renames it (the dialog, the provider's administration and API, onboarding all rename through
 * the organization module, which announces it).
 */
@Component
class CustomerNameKeys {

    private final PartnerRelationshipRepository relationships;

    CustomerNameKeys(PartnerRelationshipRepository relationships) {
        this.relationships = relationships;
    }

    @EventListener
    void on(CustomerRenamed event) {
        relationships.renameCustomer(event.organizationId(), event.searchKey());
    }
}
