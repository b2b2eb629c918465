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
                       String remoteAddress, boolean actorOutside, boolean actorWithheld, AuditNames names) {

    /** A row as the query reads it, before the names it mentions are looked up. */
    public AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                    Long actorUserId, String onBehalfOf, Long organizationId, String organization, String customerNumber,
                    String summary, String summaryKey, String summaryArgs, String oldValue, String newValue,
                    String remoteAddress, boolean actorOutside) {
        this(id, occurredAt, kind, outcome, actorEmail, actorUserId, onBehalfOf, organizationId, organization,
                customerNumber, summary, summaryKey, summaryArgs, oldValue, newValue, remoteAddress, actorOutside, false,
                AuditNames.NONE);
    }

    /** A row of someone inside the organization, as events before outsiders were marked read. */
    public AuditRow(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actorEmail,
                    Long actorUserId, String onBehalfOf, Long organizationId, String organization, String customerNumber,
                    String summary, String summaryKey, String summaryArgs, String oldValue, String newValue,
                    String remoteAddress) {
        this(id, occurredAt, kind, outcome, actorEmail, actorUserId, onBehalfOf, organizationId, organization,
                customerNumber, summary, summaryKey, summaryArgs, oldValue, newValue, remoteAddress, false);
    }

    AuditRow withNames(AuditNames found) {
        return new AuditRow(id, occurredAt, kind, outcome, actorEmail, actorUserId, onBehalfOf, organizationId,
                organization, customerNumber, summary, summaryKey, summaryArgs, oldValue, newValue, remoteAddress,
                actorOutside, actorWithheld, found);
    }

    /**
     * The row as the organization's own readers see a refusal of someone outside it: who tried is withheld (no name,
     * address, id, partner or network address), and so is every mention of them in the summary, so that the
     * organization learns that someone outside tried and what, never who. Before the names of a page are looked up,
     * so that the person is not even read.
     */
    AuditRow withheldFromOrganization() {
        AuditSummary keyed = AuditSummary.stored(summaryKey, summaryArgs);
        String args = keyed == null ? summaryArgs : keyed.withoutActor(actorUserId, actorEmail).storedArguments();
        String english = summary == null || actorEmail == null || actorEmail.isBlank() ? summary
                : summary.replace(actorEmail, OUTSIDER_ENGLISH);
        return new AuditRow(id, occurredAt, kind, outcome, null, null, null, organizationId, organization,
                customerNumber, english, summaryKey, args, withoutActor(oldValue), withoutActor(newValue), null,
                true, true, names);
    }

    /** How the stored English sentences say a withheld actor (the CSV export and the API are in English). */
    private static final String OUTSIDER_ENGLISH = "someone outside your organization";

    private String withoutActor(String value) {
        return value == null || actorEmail == null || actorEmail.isBlank() ? value
                : value.replace(actorEmail, OUTSIDER_ENGLISH);
    }

    /**
     * Who acted, as stored for tools (the CSV export, the API): the address or token name they acted with, "system";
     * for a refusal of someone outside the reader's organization, the bundle's words for that.
     */
    public String actorAsRecorded(BiFunction<String, Object[], String> translate) {
        return actorWithheld ? translate.apply(OUTSIDER_KEY, new Object[0]) : actorEmail;
    }

    static final String OUTSIDER_KEY = "audit.actor.outside";

    /**
     * Who acted, as {@code translate} says it: a person by name and the address they acted with, "a deleted user" once
     * they are gone; an API token, Kontor's own work ("system") or an address typed at sign-in as written; someone
     * outside the organization whose refusal the reader may not attribute, as such.
     */
    public String actorIn(BiFunction<String, Object[], String> translate) {
        if (actorWithheld) {
            return translate.apply(OUTSIDER_KEY, new Object[0]);
        }
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
                : names.say(reference, organizationId, actorUserId, reading.translate()));
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
        return AuditValue.personIn(kind, value).map(person -> names.say(person, organizationId, actorUserId,
                reading.translate()))
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
