package dev.kontor.audit;

import java.time.Instant;
import java.util.function.BiFunction;

/**
 * One audit event as the audit log shows it, with the names of the organizations it concerns. {@code summary} is
 * the English sentence as written; {@code summaryKey} and {@code summaryArgs} let {@link #summaryIn} say it in the
 * reader's language, and {@code names} holds the people and organizations it mentions, looked up for the page.
 */
public record AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                       Long actorUserId, String onBehalfOf, Long organizationId, String organization, String customerNumber,
                       String summary, String summaryKey, String summaryArgs, String oldValue, String newValue,
                       String remoteAddress, AuditNames names) {

    /** A row as the query reads it, before the names it mentions are looked up. */
    public AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                    Long actorUserId, String onBehalfOf, Long organizationId, String organization, String customerNumber,
                    String summary, String summaryKey, String summaryArgs, String oldValue, String newValue,
                    String remoteAddress) {
        this(id, occurredAt, kind, outcome, actorEmail, actorUserId, onBehalfOf, organizationId, organization, customerNumber,
                summary, summaryKey, summaryArgs, oldValue, newValue, remoteAddress, AuditNames.NONE);
    }

    AuditRow withNames(AuditNames found) {
        return new AuditRow(id, occurredAt, kind, outcome, actorEmail, actorUserId, onBehalfOf, organizationId, organization,
                customerNumber, summary, summaryKey, summaryArgs, oldValue, newValue, remoteAddress, found);
    }

    /**
     * Who acted, as {@code translate} says it: a person by name and the address they acted with, "a deleted user" once
     * they are gone; an API token, Kontor's own work ("system") or an address typed at sign-in as written.
     */
    public String actorIn(BiFunction<String, Object[], String> translate) {
        return names.actor(actorUserId, actorEmail, translate);
    }

    /**
     * The summary translated by {@code translate(key, arguments)}, moments in UTC to the second; the stored English
     * for older events.
     */
    public String summaryIn(BiFunction<String, Object[], String> translate) {
        return summaryIn(AuditReading.record(translate));
    }

    /** The summary as {@code reading} tells it (its words, its moments); the stored English for older events. */
    public String summaryIn(AuditReading reading) {
        AuditSummary keyed = AuditSummary.stored(summaryKey, summaryArgs);
        return keyed == null ? summary : keyed.render(reading.translate(), reference -> reference
                instanceof AuditSummary.Moment moment ? reading.moment(moment.at())
                : names.say(reference, organizationId, reading.translate()));
    }

    /** The value before the change, a person said by name and e-mail; null when there was none. */
    public String oldValueIn(BiFunction<String, Object[], String> translate) {
        return oldValueIn(AuditReading.record(translate));
    }

    /** The value before the change as {@code reading} tells it; null when there was none. */
    public String oldValueIn(AuditReading reading) {
        return valueIn(oldValue, reading);
    }

    /** The value after the change, a person said by name and e-mail; null when there is none. */
    public String newValueIn(BiFunction<String, Object[], String> translate) {
        return newValueIn(AuditReading.record(translate));
    }

    /** The value after the change as {@code reading} tells it; null when there is none. */
    public String newValueIn(AuditReading reading) {
        return valueIn(newValue, reading);
    }

    private String valueIn(String value, AuditReading reading) {
        return AuditValue.personIn(kind, value).map(person -> names.say(person, organizationId, reading.translate()))
                .orElseGet(() -> AuditValue.said(kind, value, reading));
    }

    /**
     * On whose behalf, when the actor does not say it already: an API token's actor reads "API token “X” of Partner",
     * so "on behalf of Partner" after it would only repeat the name; {@code null} then, as when nobody acted for
     * anyone.
     */
    public String onBehalfOfUnsaid() {
        if (onBehalfOf == null || actorEmail == null) {
            return onBehalfOf;
        }
        String of = "\u201d of " + onBehalfOf;
        return actorEmail.endsWith(of) || actorEmail.contains(of + ", reason: ") ? null : onBehalfOf;
    }
}
