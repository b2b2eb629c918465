package dev.kontor.audit;

import java.time.Instant;
import java.util.function.BiFunction;

/**
 * One audit event as the audit log shows it, with the names of the organizations it concerns. {@code summary} is
 * the English sentence as written; {@code summaryKey} and {@code summaryArgs} let {@link #summaryIn} say it in the
 * reader's language, and {@code names} holds the people and organizations it mentions, looked up for the page.
 */
public record AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                       String onBehalfOf, Long organizationId, String organization, String customerNumber,
                       String summary, String summaryKey, String summaryArgs, String oldValue, String newValue,
                       String remoteAddress, AuditNames names) {

    /** A row as the query reads it, before the names it mentions are looked up. */
    public AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                    String onBehalfOf, Long organizationId, String organization, String customerNumber,
                    String summary, String summaryKey, String summaryArgs, String oldValue, String newValue,
                    String remoteAddress) {
        this(id, occurredAt, kind, outcome, actorEmail, onBehalfOf, organizationId, organization, customerNumber,
                summary, summaryKey, summaryArgs, oldValue, newValue, remoteAddress, AuditNames.NONE);
    }

    AuditRow withNames(AuditNames found) {
        return new AuditRow(id, occurredAt, kind, outcome, actorEmail, onBehalfOf, organizationId, organization,
                customerNumber, summary, summaryKey, summaryArgs, oldValue, newValue, remoteAddress, found);
    }

    /** The summary translated by {@code translate(key, arguments)}; the stored English for older events. */
    public String summaryIn(BiFunction<String, Object[], String> translate) {
        AuditSummary keyed = AuditSummary.stored(summaryKey, summaryArgs);
        return keyed == null ? summary : keyed.render(translate, reference -> names.say(reference, organizationId,
                translate));
    }

    /** The value before the change, a person said by name and e-mail; null when there was none. */
    public String oldValueIn(BiFunction<String, Object[], String> translate) {
        return valueIn(oldValue, translate);
    }

    /** The value after the change, a person said by name and e-mail; null when there is none. */
    public String newValueIn(BiFunction<String, Object[], String> translate) {
        return valueIn(newValue, translate);
    }

    private String valueIn(String value, BiFunction<String, Object[], String> translate) {
        return AuditValue.personIn(kind, value).map(person -> names.say(person, organizationId, translate))
                .orElse(value);
    }
}
