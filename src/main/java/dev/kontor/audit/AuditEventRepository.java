package dev.kontor.audit;

import org.springframework.data.repository.Repository;

/** Append-only on purpose: it can save and read, and has no way to update or delete. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);
}
