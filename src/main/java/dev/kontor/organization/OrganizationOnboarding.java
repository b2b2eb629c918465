package dev.kontor.organization;

import dev.kontor.user.Caller;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.user.UserAccount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates organizations and memberships on the provider's behalf: its own tooling and the demo data. People add
 * customers, tenants and managers through the features that check their rights; this door is for the system only:
 * each method takes a task.
 */
@Service
@Transactional
public class OrganizationOnboarding {

    static final String ORGANIZATION_CREATED = "ORGANIZATION_CREATED";
    static final String MEMBERSHIP_GRANTED = "MEMBERSHIP_GRANTED";
    static final String ORGANIZATION_STATE_CHANGED = "ORGANIZATION_STATE_CHANGED";
    static final String MEMBERSHIP_STATE_CHANGED = MembershipAdministration.MEMBERSHIP_STATE_CHANGED;

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final CustomerNumberAllocator customerNumbers;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OrganizationNames names;

    @PersistenceContext
    private EntityManager entityManager;

    OrganizationOnboarding(OrganizationRepository organizations, MembershipRepository memberships,
                           CustomerNumberAllocator customerNumbers, AuditLog auditLog, Clock clock,
                           ApplicationEventPublisher events, OrganizationNames names) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.customerNumbers = customerNumbers;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
        this.names = names;
    }

    public Organization createProvider(Caller.Task task, String name) {
        Caller.requireTask(task);
        return created(Organization.provider(name, clock.instant()));
    }

    public Organization createPartner(Caller.Task task, String name, long providerId) {
        Caller.requireTask(task);
        Organization provider = requireKind(providerId, OrganizationKind.PROVIDER);
        return created(Organization.partner(name, provider, clock.instant()));
    }

    /** A customer account below a partner, or directly below the provider when it has no partner. */
    public Organization createCustomer(Caller.Task task, String name, long parentId) {
        Caller.requireTask(task);
        Organization parent = organizations.findById(parentId).orElseThrow();
        if (parent.getKind() != OrganizationKind.PARTNER && parent.getKind() != OrganizationKind.PROVIDER) {
            throw new IllegalArgumentException("A customer account hangs below a partner or the provider");
        }
        Organization customer = created(Organization.customer(name, customerNumbers.next(), parent, clock.instant()));
        events.publishEvent(new CustomerAccountCreated(customer.getId()));
        return customer;
    }

    /**
     * Suspends, reactivates or closes a partner or customer account, when it is still at the version the caller saw
     * ({@link StaleData} otherwise). Its row is locked first, then {@link OrganizationSuspended} lets the features end
     * what its people were doing; a closed account stays closed. Audited with the reason given.
     */
    public Organization changeState(Caller.Task task, long organizationId, long expectedVersion,
                                    OrganizationState newState, String reason) {
        Caller.requireTask(task);
        Organization organization = organizations.lockById(organizationId).orElseThrow();
        if (organization.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        boolean allowed = switch (organization.getKind()) {
            case PARTNER -> newState != OrganizationState.CLOSED;
            case CUSTOMER -> organization.getState() != OrganizationState.CLOSED;
            case PROVIDER, TENANT -> false;
        };
        if (!allowed) {
            throw new RuleViolation("organization.state.not-allowed");
        }
        OrganizationState before = organization.getState();
        if (before == newState) {
            return organization;
        }
        organization.changeState(newState);
        AuditSummary.Term kind = AuditSummary.term("organization.kind." + organization.getKind());
        AuditSummary.Term state = AuditSummary.term("organization.state." + newState);
        auditLog.record(AuditEntry.change(ORGANIZATION_STATE_CHANGED, organizationId, reason == null
                        ? AuditSummary.of("organization-state-changed", kind, organization.getName(), state)
                        : AuditSummary.of("organization-state-changed-because", kind, organization.getName(), state,
                                reason),
                before.name(), newState.name()));
        if (newState != OrganizationState.ACTIVE) {
            events.publishEvent(new OrganizationSuspended(organizationId, organization.getKind(), newState));
        }
        return organizations.saveAndFlush(organization);
    }

    /**
     * As {@link #createCustomer(Caller.Task, String, long)}, with a customer number of the provider's own;
     * {@link InvalidInput} at {@code customerNumber} when another account has it (checked here and, against a race,
     * by the unique constraint).
     */
    public Organization createCustomer(Caller.Task task, String name, long parentId, CustomerNumber number) {
        Caller.requireTask(task);
        Organization parent = organizations.findById(parentId).orElseThrow();
        if (parent.getKind() != OrganizationKind.PARTNER && parent.getKind() != OrganizationKind.PROVIDER) {
            throw new IllegalArgumentException("A customer account hangs below a partner or the provider");
        }
        if (organizations.findByCustomerNumber(number.value()).isPresent()) {
            throw new InvalidInput("customerNumber", "admin.account.number-taken", number.value());
        }
        Organization customer;
        try {
            customer = organizations.saveAndFlush(Organization.customer(name, number, parent, clock.instant()));
        } catch (org.springframework.dao.DataIntegrityViolationException takenMeanwhile) {
            throw new InvalidInput("customerNumber", "admin.account.number-taken", number.value());
        }
        Organization saved = created(customer);
        events.publishEvent(new CustomerAccountCreated(saved.getId()));
        return saved;
    }

    public Organization createTenant(Caller.Task task, String name, long parentId) {
        Caller.requireTask(task);
        Organization parent = organizations.findById(parentId).orElseThrow();
        if (parent.getKind() == OrganizationKind.PROVIDER) {
            throw new IllegalArgumentException("A tenant hangs below a partner, a customer account or a tenant");
        }
        return created(Organization.tenant(name, parent, clock.instant()));
    }

    public Membership grant(Caller.Task task, long userId, long organizationId, MembershipRole role) {
        Caller.requireTask(task);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        events.publishEvent(new MembershipActivating(organizationId));
        UserAccount user = entityManager.getReference(UserAccount.class, userId);
        Membership membership = memberships.save(
                new Membership(user, organization, role, MembershipState.ACTIVE, clock.instant()));
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId,
                AuditSummary.of("membership-granted", AuditSummary.person(user.getId(), user.getEmail()),
                        AuditSummary.term("membership.role." + role)),
                null, AuditValue.membership(role, MembershipState.ACTIVE)));
        events.publishEvent(new MembershipActivated(organizationId, user.getId(), role));
        return membership;
    }

    /** A membership that waits for the person to accept an invitation (INVITED). */
    public Membership invite(Caller.Task task, long userId, long organizationId, MembershipRole role) {
        Caller.requireTask(task);
        return invite(task, userId, organizationId, role, null);
    }

    /**
     * As {@link #invite(Caller.Task, long, long, MembershipRole)}, showing the name the inviter typed until the person
     * accepts.
     */
    public Membership invite(Caller.Task task, long userId, long organizationId, MembershipRole role,
                             String typedName) {
        Caller.requireTask(task);
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

    /**
     * Deactivates a membership of the organization, when it is still at the version the caller saw ({@link StaleData}
     * otherwise). The organization's row is locked first, so that two deactivations at once cannot both pass the
     * rule that a partner keeps at least one active legal representative.
     */
    public void deactivate(Caller.Task task, long organizationId, long membershipId, long expectedVersion) {
        Caller.requireTask(task);
        organizations.lockById(organizationId).orElseThrow();
        Membership membership = memberships.findById(membershipId)
                .filter(m -> m.getOrganization().getId() == organizationId).orElseThrow(StaleData::new);
        if (membership.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        if (membership.getState() == MembershipState.DEACTIVATED) {
            return;
        }
        if (membership.getRole() == MembershipRole.LEGAL_REPRESENTATIVE
                && membership.getState() == MembershipState.ACTIVE
                && memberships.countByOrganizationIdAndRoleAndState(organizationId, MembershipRole.LEGAL_REPRESENTATIVE,
                MembershipState.ACTIVE) <= 1) {
            throw new RuleViolation("partner.representative.last");
        }
        MembershipState before = membership.getState();
        membership.changeState(MembershipState.DEACTIVATED);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_STATE_CHANGED, organizationId,
                AuditSummary.of("membership-of",
                        AuditSummary.person(membership.getUser().getId(), membership.getUser().getEmail()),
                        AuditSummary.term("membership.role." + membership.getRole())),
                before.name(), MembershipState.DEACTIVATED.name()));
    }

    /**
     * Invites the person into the role unless they hold it already (invited, waiting or active: then nothing changes
     * and the answer is empty); a deactivated membership is invited anew.
     */
    public Optional<Membership> inviteUnlessMember(Caller.Task task, long userId, long organizationId,
                                                   MembershipRole role, String typedName) {
        Caller.requireTask(task);
        Optional<Membership> existing = memberships.findByUserIdAndOrganizationIdAndRole(userId, organizationId, role);
        if (existing.isPresent() && existing.get().getState() != MembershipState.DEACTIVATED) {
            return Optional.empty();
        }
        if (existing.isEmpty()) {
            return Optional.of(invite(task, userId, organizationId, role, typedName));
        }
        Membership membership = existing.get();
        membership.reinvite(typedName, null);
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId,
                AuditSummary.of("membership-invited", AuditSummary.person(userId),
                        AuditSummary.term("membership.role." + role)),
                role + "/" + MembershipState.DEACTIVATED, role + "/" + MembershipState.INVITED));
        return Optional.of(membership);
    }

    /**
     * Renames an organization for the provider's administration, which has checked its right and audits the change
     * with the rest of the data it changes in the same transaction. A customer account's organization keeps its
     * version (its state's), see {@link OrganizationNames}.
     *
     * @return the name before
     */
    public String rename(Caller.Task task, long organizationId, String name) {
        Caller.requireTask(task);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        String before = organization.getName();
        if (!before.equals(name)) {
            names.rename(organization, name);
        }
        return before;
    }

    /** Locks the organization's row for the rest of the transaction (changes to its people queue behind it). */
    public Organization lock(Caller.Task task, long organizationId) {
        Caller.requireTask(task);
        return organizations.lockById(organizationId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findCustomer(Caller.Task task, CustomerNumber number) {
        Caller.requireTask(task);
        return organizations.findByCustomerNumber(number.value());
    }

    private Organization created(Organization organization) {
        Organization saved = organizations.save(organization);
        AuditSummary.Term kind = AuditSummary.term("organization.kind." + saved.getKind());
        // the platform is the only one of its kind, and its name often says "platform" already: no kind before it
        AuditSummary summary = saved.getKind() == OrganizationKind.PROVIDER
                ? AuditSummary.of("platform-created", saved.getName())
                : saved.getCustomerNumber()
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
