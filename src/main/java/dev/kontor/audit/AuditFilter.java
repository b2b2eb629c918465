package dev.kontor.audit;

import java.time.Instant;

/** What the audit log is filtered by: a time range, part of the actor's address, the organization, the kind. */
public record AuditFilter(Instant from, Instant to, String actor, String organization, String kind) {
}
