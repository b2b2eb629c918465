package dev.kontor.partner;

import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationPath;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.PartnershipRights;
import dev.kontor.organization.PathNode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A partner acting as a whole (through an API token) holds, in a customer account and every tenant below it, the
 * rights of its active relationship with that customer, as its people do in an access session: nothing once the
 * relationship ends, nothing in a customer it has no relationship with.
 */
@Component
class PartnerTokenRights implements PartnershipRights {

    private final PartnerRelationshipRepository relationships;

    PartnerTokenRights(PartnerRelationshipRepository relationships) {
        this.relationships = relationships;
    }

    @Override
    public Set<OrganizationRight> rightsOfPartner(long partnerId, OrganizationPath path) {
        Optional<PathNode> customer = path.nearest(OrganizationKind.CUSTOMER);
        if (customer.isEmpty()) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        return relationships.findOpen(partnerId, customer.get().id())
                .filter(relationship -> relationship.getState() == RelationshipState.ACTIVE)
                .map(relationship -> {
                    Set<OrganizationRight> granted = EnumSet.noneOf(OrganizationRight.class);
                    granted.addAll(relationship.getGrantedRights());
                    return granted;
                })
                .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }
}
