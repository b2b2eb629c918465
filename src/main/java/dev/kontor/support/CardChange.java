package dev.kontor.support;

import dev.kontor.user.ApiTokenIdentity;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * A recent change to the account's contact data, from the audit log, so support knows how fresh it is. Who made it is
 * read with the change (the person's own name in the same statement), so that the card names them as the audit log
 * does without a statement per line.
 */
public record CardChange(Instant when, String kind, String actor, String summary, Actor actorStanding,
                         String actorName) {

    /** Whether the change was made by a user, one since deleted, or no user at all (a token, Kontor itself). */
    public enum Actor { USER, DELETED, NO_USER }

    /**
     * Who made the change as the audit log says it: a person by name and the address they acted with, "a deleted
     * user" once they are gone, a token in the reader's language, Kontor's own work as "System".
     */
    public String actorIn(BiFunction<String, Object[], String> translate) {
        if (actor == null) {
            return "";
        }
        return switch (actorStanding) {
            case DELETED -> translate.apply("audit.person.deleted", new Object[0]);
            case USER -> actorName == null || actorName.isBlank() ? actor
                    : translate.apply("audit.person", new Object[] {actorName, actor});
            case NO_USER -> "system".equals(actor) ? translate.apply("audit.actor.system", new Object[0])
                    : ApiTokenIdentity.actorNameIn(actor, translate).orElse(actor);
        };
    }
}
