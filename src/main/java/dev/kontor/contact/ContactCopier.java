package dev.kontor.contact;

import dev.kontor.base.ReadModel;
import java.sql.Timestamp;
import java.time.Clock;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a master tenant's contacts down to sub-tenants (Copy content): as people without access, since the master's
 * users are not the sub-tenant's. A contact whose address the sub-tenant has already is left alone, so copying
 * twice copies nothing twice. The caller (a background run) has checked the rights when it was started.
 */
@Component
@ReadModel(reads = "organization",
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
public class ContactCopier {

    static final String CONTACTS_COPIED = "CONTACTS_COPIED";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;

    ContactCopier(JdbcClient jdbc, Clock clock, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /**
     * Copies into one batch of targets in one statement; returns how many contacts were added. Each tenant that
     * receives contacts gets an audit event of its own, so that its log says where they came from.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int copy(long sourceId, List<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return 0;
        }
        // the master tenant's name comes along, so that each target's log names it as it is called now
        List<Arriving> arriving = jdbc.sql("""
                        SELECT t.id, COUNT(*), MAX(m.name) FROM contact s
                          JOIN organization m ON m.id = s.organization_id
                          JOIN organization t ON t.id IN (:targets)
                        WHERE s.organization_id = :source
                          AND NOT EXISTS (SELECT 1 FROM contact e WHERE e.organization_id = t.id AND e.email = s.email)
                        GROUP BY t.id""")
                .param("targets", targetIds).param("source", sourceId)
                .query((rs, row) -> new Arriving(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
        for (Arriving target : arriving) {
            auditLog.record(AuditEntry.change(CONTACTS_COPIED, target.organizationId(),
                    AuditSummary.of("contacts-copied", target.contacts(),
                            AuditSummary.organization(target.masterName())), null,
                    String.valueOf(target.contacts())));
        }
        return jdbc.sql("""
                        INSERT INTO contact (organization_id, first_name, last_name, email, phone, job_title,
                                             billing, technical, business, created_at, version)
                        SELECT t.id, s.first_name, s.last_name, s.email, s.phone, s.job_title,
                               s.billing, s.technical, s.business, :now, 0
                        FROM contact s JOIN organization t ON t.id IN (:targets)
                        WHERE s.organization_id = :source
                          AND NOT EXISTS (SELECT 1 FROM contact e WHERE e.organization_id = t.id AND e.email = s.email)
                        """)
                .param("now", Timestamp.from(clock.instant())).param("targets", targetIds)
                .param("source", sourceId).update();
    }

    private record Arriving(long organizationId, int contacts, String masterName) {
    }
}
