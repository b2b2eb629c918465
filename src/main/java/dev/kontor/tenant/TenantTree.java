package dev.kontor.tenant;

import dev.kontor.user.Callers;
import dev.kontor.base.TextRules;
import dev.kontor.access.AccessSessions;
import dev.kontor.access.CurrentAccess;
import dev.kontor.audit.AuditSummary;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MyOrganization;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationPath;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.PathNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the tenant tree as the signed-in person may see it. Its top nodes are the organizations they work in (a
 * partner, customer accounts, tenants they administer); inside an access session only the customer's account. Every
 * read of a node's children checks the right to that node first.
 */
@Service
@Transactional(readOnly = true)
public class TenantTree {

    /** Enough matches to find what one looks for; a broader search should be narrowed, not paged through. */
    static final int SEARCH_LIMIT = 50;
    /** The organizations a person works in directly: a handful in practice. */
    private static final int MEMBERSHIP_LIMIT = 200;

    private final TenantTreeQueries queries;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final AccessSessions accessSessions;

    private final Callers callers;

    TenantTree(TenantTreeQueries queries, OrganizationAccess access, OrganizationService organizations,
               AccessSessions accessSessions, Callers callers) {
        this.callers = callers;
        this.queries = queries;
        this.access = access;
        this.organizations = organizations;
        this.accessSessions = accessSessions;
    }

    /** The top nodes of the person's tree. */
    public List<TreeNode> roots() {
        List<TreeScope> scopes = scopes();
        return countingManagedCustomers(queries.nodes(scopes.stream().map(TreeScope::rootId).toList()), scopes);
    }

    public List<TreeNode> children(long parentId, TreeFilter filter, int offset, int limit) {
        access.requireBelow(parentId, OrganizationRight.VIEW, AuditSummary.action("list-tenants"));
        return queries.children(parentId, withManagedCustomers(parentId), filter.visible(), offset, limit);
    }

    public int countChildren(long parentId, TreeFilter filter) {
        access.requireBelow(parentId, OrganizationRight.VIEW, AuditSummary.action("list-tenants"));
        return queries.countChildren(parentId, withManagedCustomers(parentId), filter.visible());
    }

    /** Finds nodes by part of their name and says which nodes to show and open to reach them. */
    public TreeFilter search(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (needle.isEmpty()) {
            return TreeFilter.NONE;
        }
        List<TreeScope> scopes = scopes();
        Set<Long> matches = new LinkedHashSet<>();
        Set<Long> visible = new LinkedHashSet<>();
        Set<Long> toExpand = new LinkedHashSet<>();
        Set<Long> roots = new LinkedHashSet<>(scopes.stream().map(TreeScope::rootId).toList());
        visible.addAll(roots);
        // nothing stored holds hidden characters, and a NUL would not even reach PostgreSQL: it matches nothing
        List<TenantTreeQueries.Match> found = TextRules.isPlainLine(needle)
                ? queries.search(scopes, needle, SEARCH_LIMIT) : List.of();
        for (TenantTreeQueries.Match match : found) {
            matches.add(match.id());
            List<Long> path = idsIn(match.ancestorPath());
            int nearestRoot = -1;
            for (int i = path.size() - 1; i >= 0 && nearestRoot < 0; i--) {
                if (roots.contains(path.get(i))) {
                    nearestRoot = i;
                }
            }
            int from = nearestRoot;
            if (nearestRoot < 0) {
                // in (or of) a managed customer's tree that hangs elsewhere: the tree shows it below the partner
                scopes.stream().filter(TreeScope::withManagedCustomers).forEach(partner ->
                        toExpand.add(partner.rootId()));
                from = match.accountId() == null ? path.size() : path.indexOf(match.accountId());
            }
            for (int i = Math.max(from, 0); i < path.size(); i++) {
                visible.add(path.get(i));
                toExpand.add(path.get(i));
            }
        }
        matches.forEach(visible::add);
        // in the tree's order, so that each node opens after its parent
        Map<Long, TreeNode> nodes = new LinkedHashMap<>();
        countingManagedCustomers(queries.nodes(toExpand), scopes).forEach(node -> nodes.put(node.id(), node));
        return new TreeFilter(needle, matches, visible,
                toExpand.stream().map(nodes::get).filter(java.util.Objects::nonNull).toList());
    }

    /** What the person may do with this node. */
    public NodeRights rightsFor(long nodeId) {
        Set<OrganizationRight> held = access.rightsIn(nodeId);
        Set<OrganizationRight> below = access.rightsBelow(nodeId);
        boolean manage = OrganizationRight.MANAGE_TENANTS.isSatisfiedBy(held);
        List<PathNode> path = access.pathOf(nodeId).map(OrganizationPath::nodes).orElse(List.of());
        boolean tenantBelowTenant = path.size() >= 2 && path.getLast().kind() == OrganizationKind.TENANT
                && path.get(path.size() - 2).kind() == OrganizationKind.TENANT;
        return new NodeRights(OrganizationRight.VIEW.isSatisfiedBy(held) || !below.isEmpty(),
                OrganizationRight.MANAGE_TENANTS.isSatisfiedBy(below), manage, manage && tenantBelowTenant);
    }

    /** Nodes below which the person may create a tenant, by part of the name: the master tenant's choices. */
    public List<TreeNode> masterCandidates(String text, int offset, int limit) {
        if (!TextRules.isPlainLine(text)) {
            return List.of();
        }
        return queries.masterCandidates(manageableScopes(), lower(text), offset, limit);
    }

    public int countMasterCandidates(String text) {
        if (!TextRules.isPlainLine(text)) {
            return 0;
        }
        return queries.countMasterCandidates(manageableScopes(), lower(text));
    }

    /** Where the tenant may move: within its owner's tree, never below itself. Needs MANAGE_TENANTS there. */
    public List<TreeNode> moveTargets(long tenantId, String text, int offset, int limit) {
        MoveScope scope = moveScope(tenantId);
        if (!TextRules.isPlainLine(text)) {
            return List.of();
        }
        return queries.moveTargets(scope.owner(), tenantId, scope.pathBelow(), lower(text), offset, limit);
    }

    public int countMoveTargets(long tenantId, String text) {
        MoveScope scope = moveScope(tenantId);
        if (!TextRules.isPlainLine(text)) {
            return 0;
        }
        return queries.countMoveTargets(scope.owner(), tenantId, scope.pathBelow(), lower(text));
    }

    private MoveScope moveScope(long tenantId) {
        access.require(tenantId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("list-move-targets"));
        OrganizationPath path = access.pathOf(tenantId).orElseThrow();
        if (path.target().kind() != OrganizationKind.TENANT) {
            throw new dev.kontor.base.RuleViolation("tenant.not-a-tenant");
        }
        long owner = path.nodes().reversed().stream().filter(node -> node.kind() != OrganizationKind.TENANT)
                .findFirst().orElseThrow().id();
        return new MoveScope(owner, ContentCopies.pathBelow(path));
    }

    private record MoveScope(long owner, String pathBelow) {
    }

    /** The master tenant a new tenant gets unless the person chooses: their partner, else their first top node. */
    public Optional<TreeNode> defaultMaster() {
        List<TreeScope> manageable = manageableScopes();
        return manageable.stream().filter(scope -> scope.kind() == OrganizationKind.PARTNER).findFirst()
                .or(() -> manageable.stream().findFirst())
                .flatMap(scope -> queries.nodes(List.of(scope.rootId())).stream().findFirst());
    }

    /** The node, if the person may see it. */
    public Optional<TreeNode> node(long nodeId) {
        if (!rightsFor(nodeId).view()) {
            return Optional.empty();
        }
        return queries.nodes(List.of(nodeId)).stream().findFirst()
                .map(node -> node.kind() == OrganizationKind.PARTNER && withManagedCustomers(nodeId)
                        ? withManagedCustomersCounted(node) : node);
    }

    /**
     * A partner's row counts its own tenants only; its leads see the customers they manage below it, too (as
     * {@link #children} lists them), and the tree's expand arrow must show even when those are all there is.
     */
    private List<TreeNode> countingManagedCustomers(List<TreeNode> nodes, List<TreeScope> scopes) {
        return nodes.stream()
                .map(node -> scopes.stream().anyMatch(s -> s.rootId() == node.id() && s.withManagedCustomers())
                        ? withManagedCustomersCounted(node) : node)
                .toList();
    }

    private TreeNode withManagedCustomersCounted(TreeNode partner) {
        int children = queries.countChildren(partner.id(), true, null);
        return new TreeNode(partner.id(), partner.kind(), partner.name(), partner.customerNumber(), partner.type(),
                partner.edition(), partner.administrators(), children, partner.createdAt(),
                partner.needsConfiguration(), partner.hasLogo(), partner.version(), partner.forCustomer());
    }

    List<TreeScope> scopes() {
        callers.requirePerson();
        Optional<CurrentAccess> inSession = accessSessions.current();
        if (inSession.isPresent()) {
            return List.of(new TreeScope(inSession.get().customerId(), OrganizationKind.CUSTOMER, null, false));
        }
        Map<Long, TreeScope> scopes = new LinkedHashMap<>();
        for (MyOrganization mine : organizations.myOrganizations(PageRequest.of(0, MEMBERSHIP_LIMIT))) {
            boolean lead = mine.role() == MembershipRole.LEGAL_REPRESENTATIVE
                    || mine.role() == MembershipRole.PARTNER_ADMINISTRATOR;
            switch (mine.kind()) {
                case PARTNER -> scopes.merge(mine.organizationId(),
                        new TreeScope(mine.organizationId(), OrganizationKind.PARTNER, null, lead),
                        (a, b) -> a.withManagedCustomers() ? a : b);
                case CUSTOMER -> scopes.putIfAbsent(mine.organizationId(),
                        new TreeScope(mine.organizationId(), OrganizationKind.CUSTOMER, null, false));
                case TENANT -> scopes.putIfAbsent(mine.organizationId(), tenantScope(mine.organizationId()));
                default -> {
                    // the provider's staff have no tenant tree
                }
            }
        }
        return new ArrayList<>(scopes.values());
    }

    private List<TreeScope> manageableScopes() {
        return scopes().stream()
                .filter(scope -> OrganizationRight.MANAGE_TENANTS.isSatisfiedBy(access.rightsBelow(scope.rootId())))
                .toList();
    }

    private TreeScope tenantScope(long tenantId) {
        OrganizationPath path = access.pathOf(tenantId).orElseThrow();
        StringBuilder below = new StringBuilder("/");
        for (PathNode node : path.nodes()) {
            below.append(node.id()).append('/');
        }
        return new TreeScope(tenantId, OrganizationKind.TENANT, below.toString(), false);
    }

    /**
     * Whether the node's children include the customers its partner manages: for the partner's legal representatives
     * and administrators, outside an access session. One statement (the person's roles in that very node).
     */
    private boolean withManagedCustomers(long parentId) {
        return accessSessions.current().isEmpty() && organizations.myRolesIn(parentId).stream()
                .anyMatch(role -> role == MembershipRole.LEGAL_REPRESENTATIVE
                        || role == MembershipRole.PARTNER_ADMINISTRATOR);
    }

    private static List<Long> idsIn(String ancestorPath) {
        return java.util.Arrays.stream(ancestorPath.split("/")).filter(part -> !part.isEmpty())
                .map(Long::valueOf).toList();
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
