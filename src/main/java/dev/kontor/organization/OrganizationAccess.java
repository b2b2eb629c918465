package dev.kontor.organization;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.user.ApiTokenIdentity;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "may the signed-in person do this in that organization?". Every service that reads or changes
 * an organization asks here first; a refusal is audited (in a transaction of its own, so that it is kept) and
 * thrown as {@link AccessRefused}.
 * <p>
 * Rights come from memberships in the organization itself, flow down into the tenants below an organization (a
 * customer account's managers administer its tenants; a partner's administrators its own tenants, but not those of
 * its customers), and are delegated by other features (access sessions, relationships that grant MANAGE_TENANTS).
 * Working out the rights costs a fixed handful of statements however deep the tree is.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationAccess {

    static final String ACCESS_DENIED = "ACCESS_DENIED";

    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    /** Looked up when used: the features that grant delegated rights check access themselves. */
    private final ObjectProvider<DelegatedRights> delegatedRights;
    private final ObjectProvider<PartnershipRights> partnershipRights;
    private final ObjectProvider<PartnerTokenRules> partnerTokenRules;
    private final AuditLog auditLog;
    private final Callers callers;

    OrganizationAccess(MembershipRepository memberships, OrganizationRepository organizations,
                       ObjectProvider<DelegatedRights> delegatedRights,
                       ObjectProvider<PartnershipRights> partnershipRights,
                       ObjectProvider<PartnerTokenRules> partnerTokenRules, AuditLog auditLog, Callers callers) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.delegatedRights = delegatedRights;
        this.partnershipRights = partnershipRights;
        this.partnerTokenRules = partnerTokenRules;
        this.auditLog = auditLog;
        this.callers = callers;
    }

    /**
     * The role an API token holds in its own organization: a partner's token what its legal representatives hold, the
     * provider's what its administrators hold. It holds no other membership.
     */
    static MembershipRole roleOf(ApiTokenIdentity token) {
        return token.provider() ? MembershipRole.PROVIDER_ADMINISTRATOR : MembershipRole.LEGAL_REPRESENTATIVE;
    }

    /** The rights the signed-in person holds in the organization; empty when none (or nobody is signed in). */
    public Set<OrganizationRight> rightsIn(long organizationId) {
        Caller caller = callers.current();
        return caller.signedIn().map(me -> rightsOf(caller, me, organizationId))
                .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }

    /**
     * The rights the signed-in person holds in each of these organizations, the same as {@link #rightsIn(long)} gives
     * for each, worked out together: a fixed handful of statements for all of them (their own memberships, their
     * paths, the memberships along the paths) instead of a handful for each. Only delegated rights (an access
     * session, a partnership's tenants) are still asked per organization. Organizations where the person holds no
     * right, and ids that name none, are left out.
     */
    public Map<Long, Set<OrganizationRight>> rightsIn(Collection<Long> organizationIds) {
        Map<Long, Set<OrganizationRight>> rights = new LinkedHashMap<>();
        Caller caller = callers.current();
        Optional<AuthenticatedUser> me = caller.signedIn();
        if (me.isEmpty() || organizationIds.isEmpty()) {
            return rights;
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(organizationIds));
        if (me.get().apiToken().isPresent()) {
            for (long id : ids) {
                keepHeld(rights, id, rightsOf(caller, me.get(), id));
            }
            return rights;
        }
        long userId = me.get().userId();
        // the common case first, as for one organization: a member who administers the organization itself
        Map<Long, List<MembershipRole>> own = byOrganization(memberships.findRolesInAny(userId, ids,
                MembershipState.ACTIVE));
        List<Long> rest = new ArrayList<>();
        for (long id : ids) {
            if (own.getOrDefault(id, List.of()).stream()
                    .anyMatch(role -> role.rightsInOwnOrganization().contains(OrganizationRight.ADMIN))) {
                rights.put(id, EnumSet.allOf(OrganizationRight.class));
            } else {
                rest.add(id);
            }
        }
        if (rest.isEmpty()) {
            return rights;
        }
        Map<Long, List<Long>> paths = new LinkedHashMap<>();
        for (Object[] row : organizations.findAncestorPaths(rest)) {
            if (row[1] != null) {
                List<Long> path = new ArrayList<>(OrganizationPath.idsIn((String) row[1]));
                path.add((Long) row[0]);
                paths.put((Long) row[0], path);
            }
        }
        Set<Long> along = paths.values().stream().flatMap(List::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (along.isEmpty()) {
            return rights;
        }
        Map<Long, PathNode> nodes = organizations.findPathNodes(along).stream()
                .collect(Collectors.toMap(PathNode::id, node -> node));
        Map<Long, List<MembershipRole>> held = byOrganization(memberships.findRolesInAny(userId, along,
                MembershipState.ACTIVE));
        for (long id : rest) {
            List<Long> path = paths.get(id);
            if (path != null && path.stream().allMatch(nodes::containsKey)) {
                OrganizationPath resolved = new OrganizationPath(path.stream().map(nodes::get).toList());
                keepHeld(rights, id, inSuspendedCustomer(resolved) ? EnumSet.noneOf(OrganizationRight.class)
                        : withDelegated(caller, userId, resolved, rightsOf(userId, resolved, held)));
            }
        }
        return rights;
    }

    private static void keepHeld(Map<Long, Set<OrganizationRight>> rights, long id, Set<OrganizationRight> held) {
        if (!held.isEmpty()) {
            rights.put(id, held);
        }
    }

    private static Map<Long, List<MembershipRole>> byOrganization(List<HeldRole> roles) {
        return roles.stream().collect(Collectors.groupingBy(HeldRole::organizationId,
                Collectors.mapping(HeldRole::role, Collectors.toList())));
    }

    public boolean may(long organizationId, OrganizationRight right) {
        return right.isSatisfiedBy(rightsIn(organizationId));
    }

    /**
     * Returns the signed-in person when they hold the right; otherwise audits the attempt, described by
     * {@code attempted}, and refuses it.
     */
    public AuthenticatedUser require(long organizationId, OrganizationRight right, AuditSummary.Term attempted) {
        Caller caller = callers.current();
        AuthenticatedUser me = signedIn(caller);
        return granted(me, rightsOf(caller, me, organizationId), organizationId, right, attempted);
    }

    /**
     * As {@link #require}, for the rights the person would hold in a new tenant below this organization: whoever
     * may create a tenant there holds them.
     */
    public AuthenticatedUser requireBelow(long parentId, OrganizationRight right, AuditSummary.Term attempted) {
        Caller caller = callers.current();
        AuthenticatedUser me = signedIn(caller);
        Set<OrganizationRight> held = pathOf(parentId).filter(path -> path.target().kind() != OrganizationKind.PROVIDER)
                .map(path -> rightsOf(caller, me, path.withNewTenant()))
                .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
        return granted(me, held, parentId, right, attempted);
    }

    /** The rights the signed-in person would hold in a new tenant below this organization (none below the provider). */
    public Set<OrganizationRight> rightsBelow(long parentId) {
        Caller caller = callers.current();
        return caller.signedIn().flatMap(me -> pathOf(parentId)
                        .filter(path -> path.target().kind() != OrganizationKind.PROVIDER)
                        .map(path -> rightsOf(caller, me, path.withNewTenant())))
                .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }

    /**
     * The rights the signed-in person holds in the organization through their own memberships alone: in it, or
     * flowing down from above into a tenant. Never what a partnership, an access session or an API token grants, so
     * that what concerns the people of an organization themselves (their second factor, say) stays with its own
     * leads.
     */
    public Set<OrganizationRight> memberRightsIn(long organizationId) {
        return callers.person().filter(me -> me.apiToken().isEmpty())
                .flatMap(me -> pathOf(organizationId).map(path -> memberRights(me.userId(), path)))
                .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }

    /** As {@link #require}, with the rights of {@link #memberRightsIn} only. */
    public AuthenticatedUser requireAsMember(long organizationId, OrganizationRight right,
                                             AuditSummary.Term attempted) {
        AuthenticatedUser me = callers.requirePerson();
        return granted(me, memberRightsIn(organizationId), organizationId, right, attempted);
    }

    /**
     * The membership through which the signed-in person works in this organization: their own there, or else the
     * nearest one above it. Empty when their rights come from elsewhere (an access session, a partnership).
     */
    public Optional<HeldMembership> membershipFor(long organizationId) {
        Optional<AuthenticatedUser> me = callers.person();
        Optional<OrganizationPath> path = pathOf(organizationId);
        if (me.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = path.get().nodes().stream().map(PathNode::id).toList();
        Optional<ApiTokenIdentity> token = me.get().apiToken();
        if (token.isPresent()) {
            return ids.contains(token.get().organizationId())
                    ? Optional.of(new HeldMembership(token.get().organizationId(), roleOf(token.get())))
                    : Optional.empty();
        }
        List<HeldRole> held = memberships.findRolesInAny(me.get().userId(), ids, MembershipState.ACTIVE);
        for (int i = ids.size() - 1; i >= 0; i--) {
            long id = ids.get(i);
            Optional<HeldRole> nearest = held.stream().filter(role -> role.organizationId() == id).findFirst();
            if (nearest.isPresent()) {
                return Optional.of(new HeldMembership(id, nearest.get().role()));
            }
        }
        return Optional.empty();
    }

    /** The organization with all its ancestors; empty for an id that names none. */
    public Optional<OrganizationPath> pathOf(long organizationId) {
        Optional<String> ancestors = organizations.findAncestorPath(organizationId);
        if (ancestors.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>(OrganizationPath.idsIn(ancestors.get()));
        ids.add(organizationId);
        Map<Long, PathNode> nodes = organizations.findPathNodes(ids).stream()
                .collect(Collectors.toMap(PathNode::id, node -> node));
        return Optional.of(new OrganizationPath(ids.stream().map(nodes::get).toList()));
    }

    private AuthenticatedUser granted(AuthenticatedUser me, Set<OrganizationRight> held, long organizationId,
                                      OrganizationRight right, AuditSummary.Term attempted) {
        if (!right.isSatisfiedBy(held)) {
            auditLog.recordIndependently(AuditEntry.denied(ACCESS_DENIED, organizationId,
                    AuditSummary.of("refused-lacks-right", attempted, AuditSummary.term("right." + right))));
            throw new AccessRefused();
        }
        return me;
    }

    /** The signed-in person of this call; an anonymous call, or a system task, gets no further. */
    private static AuthenticatedUser signedIn(Caller caller) {
        return caller.signedIn().orElseThrow(() ->
                new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                        "Not signed in"));
    }

    private Set<OrganizationRight> rightsOf(Caller caller, AuthenticatedUser me, long organizationId) {
        if (me.apiToken().isPresent()) {
            return pathOf(organizationId).map(path -> rightsOf(caller, me, path))
                    .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
        }
        return rightsOf(caller, me.userId(), organizationId);
    }

    private Set<OrganizationRight> rightsOf(Caller caller, AuthenticatedUser me, OrganizationPath path) {
        return me.apiToken().map(token -> tokenRights(token, path))
                .orElseGet(() -> rightsOf(caller, me.userId(), path));
    }

    /**
     * An API token holds its role in its own organization as a member would (and what flows from it into the tenants
     * below), and, for a partner, what the partnership grants in a customer account and its tenants, under the
     * customer's rules for partner access ({@link PartnerTokenRules}): never a person's memberships, nor an access
     * session's.
     */
    private Set<OrganizationRight> tokenRights(ApiTokenIdentity token, OrganizationPath path) {
        if (path.nodes().stream().anyMatch(node -> node.kind() == OrganizationKind.CUSTOMER
                && node.state() != OrganizationState.ACTIVE)) {
            // a suspended or closed customer account grants a token nothing, as it grants its people nothing
            return EnumSet.noneOf(OrganizationRight.class);
        }
        MembershipRole role = roleOf(token);
        Set<OrganizationRight> rights = EnumSet.noneOf(OrganizationRight.class);
        List<PathNode> nodes = path.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() == token.organizationId()) {
                rights.addAll(i == nodes.size() - 1 ? role.rightsInOwnOrganization() : inherited(role, path, i));
            }
        }
        if (!token.provider() && !rights.contains(OrganizationRight.ADMIN)) {
            Set<OrganizationRight> granted = EnumSet.noneOf(OrganizationRight.class);
            for (PartnershipRights partnership : partnershipRights.orderedStream().toList()) {
                granted.addAll(partnership.rightsOfPartner(token.organizationId(), path));
            }
            Optional<PathNode> customer = path.nearest(OrganizationKind.CUSTOMER);
            if (!granted.isEmpty() && customer.isPresent()) {
                // only where the partnership grants something: a customer the partner has no right in answers the
                // same 404 whatever its rules are, so they tell a stranger nothing
                for (PartnerTokenRules rules : partnerTokenRules.orderedStream().toList()) {
                    rules.admit(token, customer.get().id());
                }
            }
            rights.addAll(granted);
        }
        if (path.target().kind() == OrganizationKind.TENANT && OrganizationRight.MANAGE_TENANTS.isSatisfiedBy(rights)) {
            rights.add(OrganizationRight.MANAGE_USERS);
        }
        return rights;
    }

    /**
     * A member who administers the organization itself (the common case: a manager in their own account) is answered
     * in one statement; everyone else needs the path.
     */
    private Set<OrganizationRight> rightsOf(Caller caller, long userId, long organizationId) {
        for (MembershipRole role : memberships.findRolesIn(userId, organizationId, MembershipState.ACTIVE)) {
            if (role.rightsInOwnOrganization().contains(OrganizationRight.ADMIN)) {
                return EnumSet.allOf(OrganizationRight.class);
            }
        }
        return pathOf(organizationId).map(path -> rightsOf(caller, userId, path))
                .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }

    private Set<OrganizationRight> rightsOf(Caller caller, long userId, OrganizationPath path) {
        if (inSuspendedCustomer(path)) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        return withDelegated(caller, userId, path, memberRights(userId, path));
    }

    /** The person's own rights in the path's target, with what other features delegate to them there. */
    private Set<OrganizationRight> withDelegated(Caller caller, long userId, OrganizationPath path,
                                                 Set<OrganizationRight> rights) {
        if (!rights.contains(OrganizationRight.ADMIN)) {
            for (DelegatedRights delegated : delegatedRights.orderedStream().toList()) {
                rights.addAll(delegated.rightsOf(caller, userId, path));
            }
        }
        if (path.target().kind() == OrganizationKind.TENANT && OrganizationRight.MANAGE_TENANTS.isSatisfiedBy(rights)) {
            // a tenant's users (its administrators) are part of managing the tenant
            rights.add(OrganizationRight.MANAGE_USERS);
        }
        return rights;
    }

    /** What the person's own memberships on the path give in its target. */
    private Set<OrganizationRight> memberRights(long userId, OrganizationPath path) {
        if (inSuspendedCustomer(path)) {
            // a suspended or closed customer account, and every tenant in it, grants nobody anything: not its own
            // people, not a partner through a relationship or an access session
            return EnumSet.noneOf(OrganizationRight.class);
        }
        return rightsOf(userId, path, byOrganization(memberships.findRolesInAny(userId,
                path.nodes().stream().map(PathNode::id).toList(), MembershipState.ACTIVE)));
    }

    /** As above, with the person's active roles along the path (and possibly elsewhere) read already. */
    private Set<OrganizationRight> rightsOf(long userId, OrganizationPath path,
                                            Map<Long, List<MembershipRole>> held) {
        if (path.nodes().stream().anyMatch(node -> node.kind() == OrganizationKind.CUSTOMER
                && node.state() != OrganizationState.ACTIVE)) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        Set<OrganizationRight> rights = EnumSet.noneOf(OrganizationRight.class);
        List<PathNode> nodes = path.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (MembershipRole role : held.getOrDefault(nodes.get(i).id(), List.of())) {
                rights.addAll(i == nodes.size() - 1 ? role.rightsInOwnOrganization() : inherited(role, path, i));
            }
        }
        return rights;
    }

    private static boolean inSuspendedCustomer(OrganizationPath path) {
        return path.nodes().stream().anyMatch(node -> node.kind() == OrganizationKind.CUSTOMER
                && node.state() != OrganizationState.ACTIVE);
    }

    /**
     * What a role held in an ancestor gives in a tenant below it. Nothing flows into customer accounts: a partner
     * works in its customers' accounts only with the rights the customer grants.
     */
    private static Set<OrganizationRight> inherited(MembershipRole role, OrganizationPath path, int ancestorIndex) {
        if (path.target().kind() != OrganizationKind.TENANT) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        return switch (role) {
            case MANAGER, TENANT_ADMINISTRATOR -> EnumSet.allOf(OrganizationRight.class);
            case LEGAL_REPRESENTATIVE, PARTNER_ADMINISTRATOR -> path.customerBetween(ancestorIndex)
                    ? EnumSet.noneOf(OrganizationRight.class) : EnumSet.allOf(OrganizationRight.class);
            case PARTNER_EMPLOYEE -> path.customerBetween(ancestorIndex)
                    ? EnumSet.noneOf(OrganizationRight.class) : EnumSet.of(OrganizationRight.VIEW);
            case SUPPORT, PROVIDER_ADMINISTRATOR -> EnumSet.noneOf(OrganizationRight.class);
        };
    }
}
