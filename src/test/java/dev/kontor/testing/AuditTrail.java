package dev.kontor.testing;

import dev.kontor.audit.AuditEvent;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit log holds, read back by tests: the application itself only writes events and shows them page by page
 * to whoever may see them, so reading the latest of one kind, unchecked, belongs here and not in the audit service.
 */
@TestComponent
public class AuditTrail {

    private final EntityManager entities;
    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;

    AuditTrail(EntityManager entities, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.entities = entities;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
    }

    /** The latest 50 events of one kind, newest first. */
    public List<AuditEvent> latest(String kind) {
        return readOnly.execute(status -> entities
                .createQuery("select e from AuditEvent e where e.kind = :kind order by e.id desc", AuditEvent.class)
                .setParameter("kind", kind)
                .setMaxResults(50)
                .getResultList());
    }

    /** The events of one kind in one organization, oldest first: outcome, summary and values. */
    public List<Event> of(String kind, long organizationId) {
        return jdbc.query("select outcome, summary, old_value, new_value from audit_event "
                        + "where kind = ? and organization_id = ? order by id",
                (rs, row) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                kind, organizationId);
    }

    /** Events of a kind that name no organization (e.g. a forged link), newest first. */
    public List<Event> withoutOrganization(String kind) {
        return jdbc.query("select outcome, summary, old_value, new_value from audit_event "
                        + "where kind = ? and organization_id is null order by id desc",
                (rs, row) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), kind);
    }

    public record Event(String outcome, String summary, String oldValue, String newValue) {
    }
}
