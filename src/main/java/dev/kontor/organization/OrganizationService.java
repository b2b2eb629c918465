package dev.kontor.organization;

import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.TextRules;
import dev.kontor.user.AuthenticatedUser;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a signed-in person may read about the organizations they belong to. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    static final String ORGANIZATION_RENAMED = "ORGANIZATION_RENAMED";

    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final OrganizationAccess access;
    private final AuditLog auditLog;
    private final OrganizationOnboarding onboarding;
    private final OrganizationNames names;

    private final Callers callers;

    OrganizationService(MembershipRepository memberships, OrganizationRepository organizations,
                        OrganizationAccess access, AuditLog auditLog, OrganizationOnboarding onboarding,
                        OrganizationNames names, Callers callers) {
        this.callers = callers;
        this.names = names;
        this.memberships = memberships;
        this.organizations = organizations;
        this.access = access;
        this.auditLog = auditLog;
        this.onboarding = onboarding;
    }

    /** The organizations in which the signed-in person holds an active membership, one row per role. */
    public Slice<MyOrganization> myOrganizations(Pageable pageable) {
        AuthenticatedUser me = callers.requirePerson();
        return memberships.findOrganizationsOf(me.userId(), MembershipState.ACTIVE, pageable);
    }

    /**
     * The signed-in person's own memberships that wait for approval (they accepted what a partner invited them to,
     * and the customer's own people have not decided yet), one row per role. Only the person's own: it takes no id,
     * so nobody learns of anyone else's memberships.
     */
    public List<MyOrganization> myMembershipsAwaitingApproval() {
        AuthenticatedUser me = callers.requirePerson();
        return memberships.findOrganizationsOf(me.userId(), MembershipState.APPROVAL_PENDING,
                org.springframework.data.domain.PageRequest.of(0, AWAITING_APPROVAL_SHOWN)).getContent();
    }

    /** More than this many memberships waiting at once is no real person's situation; the page names this many. */
    private static final int AWAITING_APPROVAL_SHOWN = 20;

    /** Names several organizations in one statement, for a feature that has checked the right to them already. */
    public java.util.Map<Long, OrganizationSummary> describeAll(Caller.Task task,
                                                                java.util.Collection<Long> organizationIds) {
        Caller.requireTask(task);
        return organizations.findAllById(organizationIds).stream().map(OrganizationService::summary)
                .collect(java.util.stream.Collectors.toMap(OrganizationSummary::id, summary -> summary));
    }

    /** Names an organization for a page that holds a proof of its own (an invitation token); for the system only. */
    public Optional<OrganizationSummary> describe(Caller.Task task, long organizationId) {
        Caller.requireTask(task);
        return organizations.findById(organizationId).map(OrganizationService::summary);
    }

    /**
     * The customer account with this number, if the signed-in person may see it. An unknown number is refused like
     * a foreign one (and both are audited), so that nobody can find out which numbers exist.
     */
    public OrganizationSummary customerAccount(CustomerNumber number) {
        Optional<Organization> customer = organizations.findByCustomerNumber(number.value());
        if (customer.isEmpty()) {
            callers.requirePerson();
            auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, null,
                    AuditSummary.of("refused-no-such-account", AuditSummary.action("open-account", number))));
            throw new AccessRefused();
        }
        access.require(customer.get().getId(), OrganizationRight.VIEW, AuditSummary.action("open-account", number));
        return summary(customer.get());
    }

    /** An organization's name and number, for anyone with a right to it. */
    public OrganizationSummary summary(long organizationId) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("read-organization"));
        return organizations.findById(organizationId).map(OrganizationService::summary).orElseThrow();
    }

    /**
     * Renames an organization; the caller needs ADMIN there. Returns whether the name changed. A customer account's
     * organization keeps its version (its state's), see {@link OrganizationNames}.
     */
    @Transactional
    public boolean rename(long organizationId, String newName) {
        access.require(organizationId, OrganizationRight.ADMIN, AuditSummary.action("rename-organization"));
        String name = TextRules.organizationName("companyName", newName, Organization.NAME_MAX_LENGTH);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        String before = organization.getName();
        if (!before.equals(name)) {
            names.rename(organization, name);
            auditLog.record(AuditEntry.change(ORGANIZATION_RENAMED, organizationId,
                    AuditSummary.of("company-name"), before, name));
            return true;
        }
        return false;
    }

    private static OrganizationSummary summary(Organization o) {
        return new OrganizationSummary(o.getId(), o.getKind(), o.getName(), o.getCustomerNumber()
                .map(CustomerNumber::value).orElse(null));
    }

    /** The organizations of one kind where the signed-in person holds an active role (a person has few). */
    public List<MyOrganization> myOrganizationsOfKind(OrganizationKind kind) {
        AuthenticatedUser me = callers.requirePerson();
        if (me.apiToken().isPresent()) {
            // a token belongs to its own organization alone, in the role OrganizationAccess gives it there
            var token = me.apiToken().get();
            OrganizationKind own = token.provider() ? OrganizationKind.PROVIDER : OrganizationKind.PARTNER;
            return own != kind ? List.of() : List.of(new MyOrganization(token.organizationId(), own,
                    token.organizationName(), null, OrganizationAccess.roleOf(token)));
        }
        return memberships.findOrganizationsOfKind(me.userId(), MembershipState.ACTIVE, kind);
    }

    /**
     * Whether the signed-in person holds an active role in an organization of this kind that the provider has
     * suspended or closed (so that a page can say why they see nothing there).
     */
    public boolean memberOfInactive(OrganizationKind kind) {
        AuthenticatedUser me = callers.requirePerson();
        return memberships.existsInInactive(me.userId(), kind);
    }

    /** The active roles the signed-in person holds in one organization. */
    public List<MembershipRole> myRolesIn(long organizationId) {
        AuthenticatedUser me = callers.requirePerson();
        if (me.apiToken().isPresent()) {
            var token = me.apiToken().get();
            return token.organizationId() == organizationId ? List.of(OrganizationAccess.roleOf(token)) : List.of();
        }
        return memberships.findRolesIn(me.userId(), organizationId, MembershipState.ACTIVE);
    }

    /**
     * Opens a customer account below a partner, for the partner's legal representatives (the partner feature checks
     * the role; this checks the right to the partner). The new account has no manager yet.
     */
    @Transactional
    public OrganizationSummary openCustomerAccountBelow(long partnerId, String name) {
        access.require(partnerId, OrganizationRight.ADMIN, AuditSummary.action("add-customer"));
        if (!myRolesIn(partnerId).contains(MembershipRole.LEGAL_REPRESENTATIVE)) {
            auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, partnerId,
                    AuditSummary.of("refused-not-legal-representative", AuditSummary.action("add-customer"))));
            throw new AccessRefused();
        }
        String checkedName = TextRules.organizationName("companyName", name, Organization.NAME_MAX_LENGTH);
        Organization partner = organizations.findById(partnerId).orElseThrow();
        if (partner.getKind() != OrganizationKind.PARTNER) {
            throw new IllegalArgumentException("Not a partner: " + partnerId);
        }
        return summary(onboarding.createCustomer(callers.taskFor("create-customer"), checkedName, partnerId));
    }

    /**
     * The roles a person holds through active memberships; asked by sign-in before anyone is authenticated, and by
     * features about the signed-in person themselves. For the system only: it would tell anyone who holds which role.
     */
    public List<MembershipRole> activeRolesOf(Caller.Task task, long userId) {
        Caller.requireTask(task);
        return memberships.findRolesOf(userId, MembershipState.ACTIVE);
    }
}
