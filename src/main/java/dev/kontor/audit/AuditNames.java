package dev.kontor.audit;

import dev.kontor.user.ApiTokenIdentity;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The names of the people and organizations one page of the audit log mentions, looked up for the whole page at once.
 * A person is called what the event's organization may know of them: the name they go by once they belong to it,
 * the name the inviter typed while they are only invited, else their e-mail address alone; a user who no longer
 * exists is "a deleted user". An organization that an earlier event kept by id is said by its customer number (which
 * never changes, so a former partner learns nothing newer) or, for partners and tenants, by its name.
 */
public final class AuditNames {

    /** Nothing looked up: people and organizations are said as the stored English sentence says them. */
    static final AuditNames NONE = new AuditNames(false, Map.of(), Map.of(), Map.of());

    /** A person as seen from one organization's log; {@code organizationId} is null for events of no organization. */
    record PersonKey(Long organizationId, long userId) {
    }

    /** {@code name} is null when only the e-mail address may be shown. */
    record Seen(String name, String email) {
    }

    record OrganizationSeen(String name, String customerNumber) {
    }

    private final boolean lookedUp;
    private final Map<PersonKey, Seen> people;
    private final Map<Long, OrganizationSeen> organizations;
    /** The name each actor of the page goes by, by user id; a user who no longer exists is missing. */
    private final Map<Long, String> actors;

    AuditNames(boolean lookedUp, Map<PersonKey, Seen> people, Map<Long, OrganizationSeen> organizations,
               Map<Long, String> actors) {
        this.lookedUp = lookedUp;
        this.people = Map.copyOf(people);
        this.organizations = Map.copyOf(organizations);
        this.actors = Map.copyOf(actors);
    }

    static AuditNames of(Map<PersonKey, Seen> people, Map<Long, OrganizationSeen> organizations,
                         Map<Long, String> actors) {
        return new AuditNames(true, people, organizations, actors);
    }

    /**
     * Who acted: a person by their own name (they acted on the organization, so it learns no more than who that was)
     * with the address they acted with; "a deleted user" once they are gone. A token is said in the reader's language;
     * Kontor's own work or an address typed at sign-in has no user and is said as stored.
     */
    String actor(Long userId, String email, BiFunction<String, Object[], String> translate) {
        if (userId == null || !lookedUp) {
            return ApiTokenIdentity.actorNameIn(email, translate).orElse(email);
        }
        String name = actors.get(userId);
        if (name == null) {
            return translate.apply("audit.person.deleted", new Object[0]);
        }
        return name.isBlank() ? email : translate.apply("audit.person", new Object[] {name, email});
    }

    /**
     * How the log of {@code organizationId} says a person or an organization that an earlier event kept by id. The
     * event's actor is said by their own name even where the organization knows only their address (a partner's
     * employee who entered the account): the Who column names them already, and the summary says the same.
     */
    String say(Object reference, Long organizationId, Long actorUserId,
               BiFunction<String, Object[], String> translate) {
        return switch (reference) {
            case AuditSummary.Person person -> {
                if (!lookedUp) {
                    yield "user " + person.userId();
                }
                Seen seen = people.get(new PersonKey(organizationId, person.userId()));
                String name = seen == null ? null : seen.name() != null ? seen.name()
                        : actorUserId != null && actorUserId == person.userId() ? actors.get(person.userId()) : null;
                yield seen == null ? translate.apply("audit.person.deleted", new Object[0])
                        : name == null || name.isBlank() ? seen.email()
                        : translate.apply("audit.person", new Object[] {name, seen.email()});
            }
            case AuditSummary.OrganizationId organization -> {
                if (!lookedUp) {
                    yield "organization " + organization.id();
                }
                OrganizationSeen seen = organizations.get(organization.id());
                yield seen == null ? translate.apply("audit.organization.deleted", new Object[0])
                        : seen.customerNumber() != null ? seen.customerNumber() : seen.name();
            }
            default -> String.valueOf(reference);
        };
    }
}
