package dev.kontor.audit;

import java.time.Instant;

/**
 * What the audit log is filtered by: a time range, part of the actor's address, part of the organization's name or
 * number, and the kind's code (exactly, e.g. {@code CONTACT_PERSON_CHANGED}; empty for every kind).
 */
public record AuditFilter(Instant from, Instant to, String actor, String organization, String kind) {
}
