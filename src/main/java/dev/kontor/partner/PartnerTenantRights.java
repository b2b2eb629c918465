package dev.kontor.partner;

import dev.kontor.organization.ActingPartner;
import dev.kontor.user.Caller;
import dev.kontor.organization.DelegatedRights;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationPath;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.PathNode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A customer that grants its partner MANAGE_TENANTS (or ADMIN) lets the partner's legal representatives and
 * administrators manage the tenants below its account, without entering the account itself: in those tenants they
 * hold VIEW, MANAGE_TENANTS and, if granted, MANAGE_CONTACTS — never billing or the account's own administration,
 * and nothing in the customer account itself, which needs an access session.
 */
@Component
class PartnerTenantRights implements DelegatedRights, ActingPartner {

    private final PartnerRelationshipRepository relationships;
    private final RightsConverter rights = new RightsConverter();

    PartnerTenantRights(PartnerRelationshipRepository relationships) {
        this.relationships = relationships;
    }

    @Override
    public Set<OrganizationRight> rightsOf(Caller caller, long userId, OrganizationPath path) {
        Optional<PathNode> customer = path.nearest(OrganizationKind.CUSTOMER);
        Set<OrganizationRight> held = EnumSet.noneOf(OrganizationRight.class);
        if (path.target().kind() != OrganizationKind.TENANT || customer.isEmpty()) {
            return held;
        }
        for (String granted : relationships.rightsForTenantsOf(customer.get().id(), userId)) {
            Set<OrganizationRight> rightsGranted = rights.convertToEntityAttribute(granted);
            held.add(OrganizationRight.VIEW);
            held.add(OrganizationRight.MANAGE_TENANTS);
            if (OrganizationRight.MANAGE_CONTACTS.isSatisfiedBy(rightsGranted)) {
                held.add(OrganizationRight.MANAGE_CONTACTS);
            }
        }
        return held;
    }

    /**
     * In the customer's tenants a partner works for the customer, as in an access session: whatever it does there
     * through the relationship, it does not give its own people a role that would outlive the relationship.
     */
    @Override
    public Optional<Long> partnerActingIn(Caller caller, OrganizationPath path) {
        Optional<PathNode> customer = path.nearest(OrganizationKind.CUSTOMER);
        if (path.target().kind() != OrganizationKind.TENANT || customer.isEmpty()) {
            return Optional.empty();
        }
        return caller.signedIn().flatMap(me -> relationships.partnersManagingTenantsOf(customer.get().id(),
                me.userId()).stream().findFirst());
    }
}
