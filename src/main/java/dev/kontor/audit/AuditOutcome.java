package dev.kontor.audit;

public enum AuditOutcome {
    SUCCESS, DENIED, FAILED
}
