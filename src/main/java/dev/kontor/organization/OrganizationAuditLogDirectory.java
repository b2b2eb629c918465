package dev.kontor.organization;

import dev.kontor.audit.AuditLogDirectory;
import dev.kontor.audit.AuditRow;
import dev.kontor.base.ReadModel;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the audit log's questions about organizations and people: the audit feature cannot read these tables,
 * because this feature records its changes in the audit log (a cycle). The people statement reads the users' table
 * beside the memberships, one statement for a whole page.
 */
@Component
@ReadModel(reads = "app_user", decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class OrganizationAuditLogDirectory implements AuditLogDirectory {

    private static final List<Long> NO_ORGANIZATION = List.of(-1L);

    private final AuditLogRows rows;
    private final JdbcClient jdbc;

    OrganizationAuditLogDirectory(AuditLogRows rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditRow> findRows(Instant from, Instant to, long beforeId, boolean everything, boolean outsiders,
                                   Collection<Long> organizations, String actor, String actorKey,
                                   String organization, String kind, Pageable pageable) {
        return rows.findRows(from, to, beforeId, everything, outsiders, organizations, actor, actorKey, organization,
                kind, pageable);
    }

    @Override
    public long countRows(Instant from, Instant to, boolean everything, boolean outsiders,
                          Collection<Long> organizations, String actor, String actorKey, String organization,
                          String kind) {
        return rows.countRows(from, to, everything, outsiders, organizations, actor, actorKey, organization, kind);
    }

    @Override
    public List<String> findKinds(boolean outsiders, Collection<Long> organizations) {
        return rows.findKinds(outsiders, organizations);
    }

    @Override
    public List<PersonLine> people(Collection<Long> userIds, Collection<Long> organizationIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT u.id, u.email, u.display_name, m.organization_id, m.state, m.invited_name
                        FROM app_user u
                          LEFT JOIN membership m ON m.user_id = u.id AND m.organization_id IN (:organizations)
                        WHERE u.id IN (:users)""")
                .param("organizations", organizationIds.isEmpty() ? NO_ORGANIZATION : organizationIds)
                .param("users", userIds)
                .query((rs, row) -> new PersonLine(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6)))
                .list();
    }

    @Override
    public List<OrganizationLine> organizations(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, customer_number FROM organization WHERE id IN (:ids)").param("ids", ids)
                .query((rs, row) -> new OrganizationLine(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }
}
