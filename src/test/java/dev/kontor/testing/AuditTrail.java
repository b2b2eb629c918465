package dev.kontor.testing;

import dev.kontor.audit.AuditEvent;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
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

    AuditTrail(EntityManager entities, PlatformTransactionManager transactions) {
        this.entities = entities;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The latest 50 events of one kind, newest first. */
    public List<AuditEvent> latest(String kind) {
        return readOnly.execute(status -> entities
                .createQuery("select e from AuditEvent e where e.kind = :kind order by e.id desc", AuditEvent.class)
                .setParameter("kind", kind)
                .setMaxResults(50)
                .getResultList());
    }
}
