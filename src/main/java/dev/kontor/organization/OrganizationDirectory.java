package dev.kontor.organization;

import dev.kontor.user.Callers;
import dev.kontor.base.TextRules;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.user.AuthenticatedUser;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds organizations in the provider's tree by what its administrators type: customer numbers and partner names.
 * Only for people who administer the provider (ADMIN there); everyone else is refused and audited.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationDirectory {

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final OrganizationAccess access;

    private final Callers callers;

    OrganizationDirectory(OrganizationRepository organizations, MembershipRepository memberships,
                          OrganizationAccess access, Callers callers) {
        this.callers = callers;
        this.organizations = organizations;
        this.memberships = memberships;
        this.access = access;
    }

    /**
     * The provider the signed-in person administers (as provider administrator); empty for everyone else. A person
     * administers at most one provider in practice; should there be more, the first counts.
     */
    public Optional<Long> administeredProvider() {
        AuthenticatedUser me = callers.requirePerson();
        return memberships.findOrganizationsOfKind(me.userId(), MembershipState.ACTIVE, OrganizationKind.PROVIDER)
                .stream().filter(o -> o.role() == MembershipRole.PROVIDER_ADMINISTRATOR)
                .map(MyOrganization::organizationId).sorted().findFirst();
    }

    /** The providers where the signed-in person holds any role (support included), for naming refusals. */
    public List<Long> providersOfMine() {
        AuthenticatedUser me = callers.requirePerson();
        return memberships.findOrganizationsOfKind(me.userId(), MembershipState.ACTIVE, OrganizationKind.PROVIDER)
                .stream().map(MyOrganization::organizationId).distinct().sorted().toList();
    }

    /** The customer account with this number in the provider's tree. */
    public Optional<OrganizationSummary> customerOf(long providerId, CustomerNumber number) {
        Organization provider = provider(providerId, AuditSummary.action("look-up-customer", number));
        return organizations.findCustomerBelow(number.value(), provider.pathBelow() + "%")
                .map(OrganizationDirectory::summary);
    }

    /** The provider's partners of this name, regardless of case (normally one; several when names repeat). */
    public List<OrganizationSummary> partnersNamed(long providerId, String name) {
        provider(providerId, AuditSummary.action("look-up-partner"));
        if (!TextRules.isPlainLine(name)) {
            return List.of();
        }
        return organizations.findPartnersNamed(providerId, name.strip()).stream()
                .map(OrganizationDirectory::summary).toList();
    }

    private Organization provider(long providerId, AuditSummary.Term attempted) {
        access.require(providerId, OrganizationRight.ADMIN, attempted);
        Organization provider = organizations.findById(providerId).orElseThrow(AccessRefused::new);
        if (provider.getKind() != OrganizationKind.PROVIDER) {
            throw new IllegalArgumentException("Not a provider: " + providerId);
        }
        return provider;
    }

    private static OrganizationSummary summary(Organization o) {
        return new OrganizationSummary(o.getId(), o.getKind(), o.getName(), o.getCustomerNumber()
                .map(CustomerNumber::value).orElse(null));
    }
}
