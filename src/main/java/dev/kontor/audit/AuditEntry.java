package dev.kontor.audit;

/**
 * What a feature tells the audit log: the kind of event (a feature's own constant, e.g. {@code SIGN_IN_FAILED}),
 * the organization it concerns, the outcome, a summary in words of the translation bundle and, for changes, the old
 * and new values.
 */
public record AuditEntry(String kind, Long organizationId, AuditOutcome outcome, AuditSummary summary,
                         String oldValue, String newValue) {

    public static AuditEntry success(String kind, Long organizationId, AuditSummary summary) {
        return new AuditEntry(kind, organizationId, AuditOutcome.SUCCESS, summary, null, null);
    }

    public static AuditEntry change(String kind, Long organizationId, AuditSummary summary, String oldValue,
                                    String newValue) {
        return new AuditEntry(kind, organizationId, AuditOutcome.SUCCESS, summary, oldValue, newValue);
    }

    public static AuditEntry denied(String kind, Long organizationId, AuditSummary summary) {
        return new AuditEntry(kind, organizationId, AuditOutcome.DENIED, summary, null, null);
    }

    public static AuditEntry failed(String kind, Long organizationId, AuditSummary summary) {
        return new AuditEntry(kind, organizationId, AuditOutcome.FAILED, summary, null, null);
    }
}
