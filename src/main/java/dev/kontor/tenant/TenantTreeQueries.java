package dev.kontor.tenant;

import dev.kontor.base.ReadModel;
import dev.kontor.organization.OrganizationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant tree's statements. Each answers one question in one statement: a page of one node's children (with
 * their counts), how many children there are, the nodes matching a search, the candidates for a master tenant. None
 * reads more than a page, however large the tree.
 */
@Component
@ReadModel(reads = {"membership", "organization", "partner_relationship"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class TenantTreeQueries {

    private static final String ROW = """
            SELECT o.id, o.kind, o.name, o.customer_number, o.created_at, o.version, o.ancestor_path,
                   t.tenant_type, t.edition, t.needs_configuration,
                   (SELECT COUNT(*) FROM membership m WHERE m.organization_id = o.id
                       AND m.role = 'TENANT_ADMINISTRATOR' AND m.state = 'ACTIVE') AS administrators,
                   (SELECT COUNT(*) FROM organization c WHERE c.parent_id = o.id AND c.kind = 'TENANT') AS children,
                   (SELECT COUNT(*) FROM tenant_logo l WHERE l.organization_id = o.id) AS logos,
                   (SELECT a.kind FROM organization a WHERE a.id = o.account_id) AS owner_kind
            FROM organization o LEFT JOIN tenant t ON t.organization_id = o.id
            """;
    private static final String MANAGED_CUSTOMERS = """
            SELECT r.tenants_customer_id FROM partner_relationship r
            WHERE r.partner_id = :partnerId AND r.tenants_customer_id IS NOT NULL""";
    /**
     * The customers a partner manages tenants for, as an array the primary key finds at once: beside another
     * condition in an OR, an {@code IN (subquery)} leaves PostgreSQL only a scan of every organization checked against
     * the subquery's hash (the partner's node of the volume data: all 110,000 organizations for its 3,640 children),
     * where {@code = ANY(ARRAY(...))} is one more index in a bitmap OR. Not for a search: there the name's trigram
     * index finds the rows, and a hash of the ids checks each at once where an array is read through for each.
     */
    private static final String MANAGED_CUSTOMER_IDS = "ARRAY(" + MANAGED_CUSTOMERS + ")";
    private static final String MOVE_TARGETS = """
            (o.id = :owner OR o.account_id = :owner) AND o.id <> :tenant AND o.ancestor_path NOT LIKE :below
            AND LOWER(o.name) LIKE :pattern ESCAPE '\\'""";
    private static final String ORDER = " ORDER BY CASE WHEN o.kind = 'TENANT' THEN 1 ELSE 0 END, LOWER(o.name), o.id";
    /**
     * The same order for a node's own tenants only (sibling_key is the lower-case name, unique among siblings), as
     * the (parent_id, sibling_key) index has it: a page reads its rows from the index instead of sorting them all.
     */
    private static final String TENANT_ORDER = " ORDER BY o.sibling_key";
    /**
     * A partner's node for its leads: the customers it manages tenants for, by their folded names, then its own
     * tenants. The page is taken from keys of the relationship (the customer's {@code search_key}, which it keeps
     * while it is open, V0039) and of the tenants, so that each half is the start of an index range (V0045, and the
     * (parent_id, sibling_key) index), where sorting every managed customer by its organization's name read them all
     * (3,640 children of the volume data's partner for a page of 50). Each half a table of its own, not a bracketed
     * query of the UNION: H2 2.5 keeps a bracketed half's limit from the statement's first execution.
     */
    private static final String PARTNER_PAGE = """
             JOIN (SELECT p.id, p.part, p.sort_key FROM (
                       SELECT * FROM (SELECT r.tenants_customer_id AS id, 0 AS part, r.customer_name_key AS sort_key
                           FROM partner_relationship r
                           WHERE r.partner_id = :partnerId AND r.tenants_customer_id IS NOT NULL
                           ORDER BY r.customer_name_key, r.tenants_customer_id LIMIT :end) managed
                       UNION ALL
                       SELECT * FROM (SELECT c.id, 1 AS part, c.sibling_key AS sort_key FROM organization c
                           WHERE c.parent_id = :parentId AND c.sibling_key IS NOT NULL
                           ORDER BY c.sibling_key LIMIT :end) own) p
                   ORDER BY p.part, p.sort_key, p.id LIMIT :limit OFFSET :offset) page ON page.id = o.id
             ORDER BY page.part, page.sort_key, page.id""";
    /** The same order on the organizations' own columns, for a node filtered by a search. */
    private static final String PARTNER_ORDER = """
             ORDER BY CASE WHEN o.kind = 'TENANT' THEN 1 ELSE 0 END,
                      CASE WHEN o.kind = 'TENANT' THEN o.sibling_key ELSE o.search_key END, o.id""";
    /**
     * The count of the same: the two halves are disjoint (customers and tenants), and a partner has one open
     * relationship per customer, so two index counts add up without reading the organizations. A tenant and only a
     * tenant has a sibling key, which the (parent_id, sibling_key) index answers alone.
     */
    private static final String PARTNER_COUNT = """
            SELECT (SELECT COUNT(*) FROM partner_relationship r
                    WHERE r.partner_id = :partnerId AND r.tenants_customer_id IS NOT NULL)
                 + (SELECT COUNT(*) FROM organization c
                    WHERE c.parent_id = :parentId AND c.sibling_key IS NOT NULL)""";

    private final JdbcClient jdbc;

    TenantTreeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TreeNode> nodes(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ROW + " WHERE o.id IN (:ids)" + ORDER).param("ids", ids).query(this::node).list();
    }

    List<TreeNode> children(long parentId, boolean withManagedCustomers, Set<Long> onlyThese, int offset,
                            int limit) {
        if (withManagedCustomers && onlyThese == null) {
            return jdbc.sql(ROW + PARTNER_PAGE).param("partnerId", parentId)
                    .param("parentId", parentId).param("end", offset + limit).param("limit", limit)
                    .param("offset", offset)
                    .query(this::node).list();
        }
        Map<String, Object> params = new HashMap<>();
        String where = childrenCondition(parentId, withManagedCustomers, onlyThese, params);
        String order = withManagedCustomers ? PARTNER_ORDER : TENANT_ORDER;
        return jdbc.sql(ROW + " WHERE " + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", limit).param("offset", offset).query(this::node).list();
    }

    int countChildren(long parentId, boolean withManagedCustomers, Set<Long> onlyThese) {
        if (withManagedCustomers && onlyThese == null) {
            return jdbc.sql(PARTNER_COUNT).param("partnerId", parentId).param("parentId", parentId)
                    .query(Integer.class).single();
        }
        Map<String, Object> params = new HashMap<>();
        String where = childrenCondition(parentId, withManagedCustomers, onlyThese, params);
        return jdbc.sql("SELECT COUNT(*) FROM organization o WHERE " + where).params(params)
                .query(Integer.class).single();
    }

    /** Nodes within the scopes whose name contains the text, with their ancestor paths; at most {@code limit}. */
    List<Match> search(List<TreeScope> scopes, String lowerCaseText, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = "(" + scopeCondition(scopes, params) + ") AND LOWER(o.name) LIKE :pattern ESCAPE '\\'";
        params.put("pattern", "%" + escapeLike(lowerCaseText) + "%");
        return jdbc.sql("SELECT o.id, o.ancestor_path, o.account_id FROM organization o WHERE " + where
                        + " ORDER BY LOWER(o.name), o.id LIMIT :limit").params(params).param("limit", limit)
                .query((rs, row) -> new Match(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))).list();
    }

    /** Nodes below which the person may create tenants: the scopes' roots and everything within them. */
    List<TreeNode> masterCandidates(List<TreeScope> scopes, String lowerCaseText, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = candidateCondition(scopes, lowerCaseText, params);
        return jdbc.sql(ROW + " WHERE " + where + " ORDER BY LOWER(o.name), o.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::node).list();
    }

    int countMasterCandidates(List<TreeScope> scopes, String lowerCaseText) {
        Map<String, Object> params = new HashMap<>();
        String where = candidateCondition(scopes, lowerCaseText, params);
        return jdbc.sql("SELECT COUNT(*) FROM organization o WHERE " + where).params(params)
                .query(Integer.class).single();
    }

    /**
     * Where a tenant may move: its owner and the owner's other tenants, but neither itself nor anything below it.
     */
    List<TreeNode> moveTargets(long ownerId, long tenantId, String pathBelowTenant, String lowerCaseText,
                               int offset, int limit) {
        return jdbc.sql(ROW + " WHERE " + MOVE_TARGETS + " ORDER BY LOWER(o.name), o.id LIMIT :limit OFFSET :offset")
                .param("owner", ownerId).param("tenant", tenantId).param("below", pathBelowTenant + "%")
                .param("pattern", "%" + escapeLike(lowerCaseText) + "%").param("limit", limit)
                .param("offset", offset).query(this::node).list();
    }

    int countMoveTargets(long ownerId, long tenantId, String pathBelowTenant, String lowerCaseText) {
        return jdbc.sql("SELECT COUNT(*) FROM organization o WHERE " + MOVE_TARGETS)
                .param("owner", ownerId).param("tenant", tenantId).param("below", pathBelowTenant + "%")
                .param("pattern", "%" + escapeLike(lowerCaseText) + "%").query(Integer.class).single();
    }

    /** How many tenants lie below the node (all levels). */
    int countDescendants(String pathBelow) {
        return jdbc.sql("SELECT COUNT(*) FROM organization o WHERE o.ancestor_path LIKE :prefix")
                .param("prefix", pathBelow + "%").query(Integer.class).single();
    }

    /**
     * The next targets of a copy in id order after the cursor: the tenant itself and, with a path, every tenant
     * below it. One batch of a long-running copy.
     */
    List<Long> copyTargetsAfter(long tenantId, String pathBelowOrNull, long cursor, int batchSize) {
        String below = pathBelowOrNull == null ? "" : " OR o.ancestor_path LIKE :prefix";
        var statement = jdbc.sql("SELECT o.id FROM organization o WHERE (o.id = :tenantId" + below
                        + ") AND o.kind = 'TENANT' AND o.id > :cursor ORDER BY o.id LIMIT :limit")
                .param("tenantId", tenantId).param("cursor", cursor).param("limit", batchSize);
        if (pathBelowOrNull != null) {
            statement = statement.param("prefix", pathBelowOrNull + "%");
        }
        return statement.query(Long.class).list();
    }

    private String childrenCondition(long parentId, boolean withManagedCustomers, Set<Long> onlyThese,
                                     Map<String, Object> params) {
        params.put("parentId", parentId);
        String where = "((o.parent_id = :parentId AND o.kind = 'TENANT')";
        if (withManagedCustomers) {
            params.put("partnerId", parentId);
            where += " OR o.id = ANY(" + MANAGED_CUSTOMER_IDS + ")";
        }
        where += ")";
        if (onlyThese != null) {
            params.put("onlyThese", onlyThese.isEmpty() ? List.of(-1L) : onlyThese);
            where += " AND o.id IN (:onlyThese)";
        }
        return where;
    }

    private String candidateCondition(List<TreeScope> scopes, String lowerCaseText, Map<String, Object> params) {
        List<Long> roots = scopes.stream().map(TreeScope::rootId).toList();
        params.put("roots", roots.isEmpty() ? List.of(-1L) : roots);
        params.put("pattern", "%" + escapeLike(lowerCaseText) + "%");
        return "(o.id IN (:roots) OR " + scopeCondition(scopes, params) + ") AND LOWER(o.name) LIKE :pattern ESCAPE '\\'";
    }

    private static String scopeCondition(List<TreeScope> scopes, Map<String, Object> params) {
        if (scopes.isEmpty()) {
            return "1 = 0";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            TreeScope scope = scopes.get(i);
            String root = "root" + i;
            params.put(root, scope.rootId());
            switch (scope.kind()) {
                case PARTNER -> {
                    String part = "o.account_id = :" + root;
                    if (scope.withManagedCustomers()) {
                        // beside the name's trigram index, a hash of the ids checks each found row at once
                        String managed = MANAGED_CUSTOMERS.replace(":partnerId", ":" + root);
                        part += " OR o.account_id IN (" + managed + ") OR o.id IN (" + managed + ")";
                    }
                    parts.add(part);
                }
                case CUSTOMER -> parts.add("o.account_id = :" + root);
                case TENANT -> {
                    params.put(root + "path", scope.pathBelow() + "%");
                    parts.add("o.ancestor_path LIKE :" + root + "path");
                }
                default -> parts.add("1 = 0");
            }
        }
        return "(" + String.join(" OR ", parts) + ")";
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private TreeNode node(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("tenant_type");
        String edition = rs.getString("edition");
        return new TreeNode(rs.getLong("id"), OrganizationKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("customer_number"), type == null ? null : TenantType.valueOf(type),
                edition == null ? null : Edition.valueOf(edition), rs.getInt("administrators"),
                rs.getInt("children"), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("needs_configuration"), rs.getInt("logos") > 0, rs.getLong("version"),
                "CUSTOMER".equals(rs.getString("owner_kind")));
    }

    record Match(long id, String ancestorPath, Long accountId) {
    }
}
