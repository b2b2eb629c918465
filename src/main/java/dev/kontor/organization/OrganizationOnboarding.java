package dev.kontor.organization;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.user.Roles;
import dev.kontor.user.UserAccount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates organizations and memberships on the provider's behalf: its own tooling and the demo data. People add
 * customers, tenants and managers through the features that check their rights; this door is for the system only.
 */
@Service
@PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
@Transactional
public class OrganizationOnboarding {

    static final String ORGANIZATION_CREATED = "ORGANIZATION_CREATED";
    static final String MEMBERSHIP_GRANTED = "MEMBERSHIP_GRANTED";

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final CustomerNumberAllocator customerNumbers;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    @PersistenceContext
    private EntityManager entityManager;

    OrganizationOnboarding(OrganizationRepository organizations, MembershipRepository memberships,
                           CustomerNumberAllocator customerNumbers, AuditLog auditLog, Clock clock,
                           ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.customerNumbers = customerNumbers;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
    }

    public Organization createProvider(String name) {
        return created(Organization.provider(name, clock.instant()));
    }

    public Organization createPartner(String name, long providerId) {
        Organization provider = requireKind(providerId, OrganizationKind.PROVIDER);
        return created(Organization.partner(name, provider, clock.instant()));
    }

    /** A customer account below a partner, or directly below the provider when it has no partner. */
    public Organization createCustomer(String name, long parentId) {
        Organization parent = organizations.findById(parentId).orElseThrow();
        if (parent.getKind() != OrganizationKind.PARTNER && parent.getKind() != OrganizationKind.PROVIDER) {
            throw new IllegalArgumentException("A customer account hangs below a partner or the provider");
        }
        Organization customer = created(Organization.customer(name, customerNumbers.next(), parent, clock.instant()));
        events.publishEvent(new CustomerAccountCreated(customer.getId()));
        return customer;
    }

    public Organization createTenant(String name, long parentId) {
        Organization parent = organizations.findById(parentId).orElseThrow();
        if (parent.getKind() == OrganizationKind.PROVIDER) {
            throw new IllegalArgumentException("A tenant hangs below a partner, a customer account or a tenant");
        }
        return created(Organization.tenant(name, parent, clock.instant()));
    }

    public Membership grant(long userId, long organizationId, MembershipRole role) {
        Organization organization = organizations.findById(organizationId).orElseThrow();
        events.publishEvent(new MembershipActivating(organizationId));
        UserAccount user = entityManager.getReference(UserAccount.class, userId);
        Membership membership = memberships.save(
                new Membership(user, organization, role, MembershipState.ACTIVE, clock.instant()));
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId,
                AuditSummary.of("membership-granted", user.getEmail(), AuditSummary.term("membership.role." + role)),
                null, AuditValue.membership(role, MembershipState.ACTIVE)));
        events.publishEvent(new MembershipActivated(organizationId, user.getId(), role));
        return membership;
    }

    /** A membership that waits for the person to accept an invitation (INVITED). */
    public Membership invite(long userId, long organizationId, MembershipRole role) {
        return invite(userId, organizationId, role, null);
    }

    /** As {@link #invite(long, long, MembershipRole)}, showing the name the inviter typed until the person accepts. */
    public Membership invite(long userId, long organizationId, MembershipRole role, String typedName) {
        Organization organization = organizations.findById(organizationId).orElseThrow();
        UserAccount user = entityManager.getReference(UserAccount.class, userId);
        Membership membership = memberships.save(
                Membership.invited(user, organization, role, typedName, clock.instant()));
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId,
                AuditSummary.of("membership-invited", AuditSummary.person(userId),
                        AuditSummary.term("membership.role." + role)),
                null, AuditValue.membership(role, MembershipState.INVITED)));
        return membership;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findCustomer(CustomerNumber number) {
        return organizations.findByCustomerNumber(number.value());
    }

    private Organization created(Organization organization) {
        Organization saved = organizations.save(organization);
        AuditSummary.Term kind = AuditSummary.term("organization.kind." + saved.getKind());
        AuditSummary summary = saved.getCustomerNumber()
                .map(n -> AuditSummary.of("organization-created-with-number", kind, saved.getName(), n))
                .orElseGet(() -> AuditSummary.of("organization-created", kind, saved.getName()));
        auditLog.record(AuditEntry.change(ORGANIZATION_CREATED, saved.getId(), summary, null, saved.getName()));
        return saved;
    }

    private Organization requireKind(long id, OrganizationKind kind) {
        Organization organization = organizations.findById(id).orElseThrow();
        if (organization.getKind() != kind) {
            throw new IllegalArgumentException("Expected a " + kind + " but found a " + organization.getKind());
        }
        return organization;
    }
}
