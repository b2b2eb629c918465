package dev.kontor.audit;

import java.time.Instant;

/** One audit event as the audit log shows it, with the names of the organizations it concerns. */
public record AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                       String onBehalfOf, String organization, String customerNumber, String summary,
                       String oldValue, String newValue, String remoteAddress) {
}
