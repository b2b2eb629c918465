package dev.kontor.organization;

import dev.kontor.user.Caller;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.TextRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's own people (support staff and provider administrators) as the provider administration needs them:
 * a list paged and filtered in the database, the count of active administrators under a lock of the provider's row
 * (so that two administrators cannot take the last one away at once), and, for the first start of an installation,
 * whether any provider administrator exists at all.
 */
@Service
@Transactional(readOnly = true)
public class ProviderMemberships {

    /** The roles of the provider's own people. */
    public static final Set<MembershipRole> STAFF_ROLES = EnumSet.of(MembershipRole.SUPPORT,
            MembershipRole.PROVIDER_ADMINISTRATOR);

    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final OrganizationAccess access;

    ProviderMemberships(MembershipRepository memberships, OrganizationRepository organizations,
                        OrganizationAccess access) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.access = access;
    }

    /** One page of the provider's staff matching the filter, ordered by name; for those who administer the provider. */
    public List<Member> staff(long providerId, StaffFilter filter, Pageable pageable) {
        requireProvider(providerId, "list-provider-staff");
        if (!TextRules.isPlainLine(filter.text()) || roles(filter).isEmpty()) {
            // nothing stored holds hidden characters: such a filter matches nobody
            return List.of();
        }
        return memberships.findMembersMatching(providerId, roles(filter), states(filter), pattern(filter),
                Pageable.ofSize(pageable.getPageSize()).withPage(pageable.getPageNumber()));
    }

    /** How many of the provider's staff match the filter, for the grid's scroll bar. */
    public long countStaff(long providerId, StaffFilter filter) {
        requireProvider(providerId, "count-provider-staff");
        if (!TextRules.isPlainLine(filter.text()) || roles(filter).isEmpty()) {
            return 0;
        }
        return memberships.countMembersMatching(providerId, roles(filter), states(filter), pattern(filter));
    }

    /** One of the provider's staff by membership id; empty for an id of anyone else or of nothing. */
    public Optional<Member> staffMember(long providerId, long membershipId) {
        requireProvider(providerId, "read-provider-staff");
        return memberships.findById(membershipId)
                .filter(m -> m.getOrganization().getId() == providerId && STAFF_ROLES.contains(m.getRole()))
                .map(m -> new Member(m.getId(), m.getUser().getId(), m.shownName(), m.getUser().getEmail(),
                        m.getRole(), m.getState(), m.getVersion()));
    }

    /**
     * Locks the provider's row until the caller's transaction ends and answers how many provider administrators are
     * active now. Every change that could take an active administrator away takes this lock first, in the same
     * order, so that of two such changes at once the second sees the first's result.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lockAndCountActiveAdministrators(long providerId) {
        requireProvider(providerId, "change-provider-staff");
        organizations.lockById(providerId).orElseThrow();
        return memberships.countByOrganizationIdAndRoleAndState(providerId, MembershipRole.PROVIDER_ADMINISTRATOR,
                MembershipState.ACTIVE);
    }

    /** The installation's provider organization (the oldest, should there be several); for the system. */
    public Optional<Long> provider(Caller.Task task) {
        Caller.requireTask(task);
        return organizations.findProviderIds().stream().findFirst();
    }

    /** Whether a provider administrator is active anywhere; for the system, on the first start. */
    public boolean anyActiveProviderAdministrator(Caller.Task task) {
        Caller.requireTask(task);
        return memberships.existsActiveProviderAdministrator();
    }

    /**
     * The membership as provider administrator this person was invited to and has not taken up (its link unused);
     * for the system, on the first start, which invites the same person again rather than twice.
     */
    public Optional<Long> waitingAdministratorMembership(Caller.Task task, long providerId, long userId) {
        Caller.requireTask(task);
        return memberships.findByUserIdAndOrganizationIdAndRole(userId, providerId,
                MembershipRole.PROVIDER_ADMINISTRATOR).filter(m -> m.getState() == MembershipState.INVITED)
                .map(Membership::getId);
    }

    private void requireProvider(long providerId, String action) {
        access.require(providerId, OrganizationRight.ADMIN, AuditSummary.action(action));
        Organization provider = organizations.findById(providerId).orElseThrow();
        if (provider.getKind() != OrganizationKind.PROVIDER) {
            throw new IllegalArgumentException("Not a provider: " + providerId);
        }
    }

    private static Set<MembershipRole> roles(StaffFilter filter) {
        // a role that is not the staff's matches nobody here
        return filter.role() == null ? STAFF_ROLES
                : STAFF_ROLES.contains(filter.role()) ? EnumSet.of(filter.role()) : EnumSet.noneOf(MembershipRole.class);
    }

    private static Set<MembershipState> states(StaffFilter filter) {
        return filter.state() == null ? EnumSet.allOf(MembershipState.class) : EnumSet.of(filter.state());
    }

    private static String pattern(StaffFilter filter) {
        String text = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
