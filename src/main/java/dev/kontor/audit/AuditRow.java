package dev.kontor.audit;

import java.time.Instant;
import java.util.function.BiFunction;

/**
 * One audit event as the audit log shows it, with the names of the organizations it concerns. {@code summary} is
 * the English sentence; {@code summaryKey} and {@code summaryArgs} let {@link #summaryIn} say it in the reader's
 * language.
 */
public record AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                       String onBehalfOf, String organization, String customerNumber, String summary,
                       String summaryKey, String summaryArgs, String oldValue, String newValue,
                       String remoteAddress) {

    /** The summary translated by {@code translate(key, arguments)}; the stored English for older events. */
    public String summaryIn(BiFunction<String, Object[], String> translate) {
        AuditSummary keyed = AuditSummary.stored(summaryKey, summaryArgs);
        return keyed == null ? summary : keyed.render(translate);
    }
}
