package dev.kontor.contact;

import java.sql.Timestamp;
import java.time.Clock;
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
public class ContactCopier {

    private final JdbcClient jdbc;
    private final Clock clock;

    ContactCopier(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Copies into one batch of targets in one statement; returns how many contacts were added. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int copy(long sourceId, List<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return 0;
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
}
