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

    // TRANSITIONAL: fixed English summaries, until every call site names a bundle key

    public static AuditEntry success(String kind, Long organizationId, String summary) {
        return success(kind, organizationId, AuditSummary.literal(summary));
    }

    public static AuditEntry change(String kind, Long organizationId, String summary, String oldValue,
                                    String newValue) {
        return change(kind, organizationId, AuditSummary.literal(summary), oldValue, newValue);
    }

    public static AuditEntry denied(String kind, Long organizationId, String summary) {
        return denied(kind, organizationId, AuditSummary.literal(summary));
    }

    public static AuditEntry failed(String kind, Long organizationId, String summary) {
        return failed(kind, organizationId, AuditSummary.literal(summary));
    }
}
