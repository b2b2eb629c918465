package dev.kontor.audit;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The old and new values of an audit event are text. A person among them is written with {@link #person}, so that the
 * audit log can show their name and e-mail when it is read, never their id.
 */
public final class AuditValue {

    /** Starts a value that stands for a user; text that people type never holds a control character. */
    private static final String PERSON = "\u001Fuser ";
    /** Before people were marked, these kinds wrote a person as "user 6". */
    private static final Set<String> EARLIER_PERSON_KINDS = Set.of("CONTACT_PERSON_CHANGED", "EMPLOYEE_UNASSIGNED");
    private static final Pattern EARLIER_PERSON = Pattern.compile("user ([0-9]{1,18})");

    private AuditValue() {
    }

    /** The value for the user {@code userId}. */
    public static String person(long userId) {
        return PERSON + userId;
    }

    /** The person a value of an event of this kind stands for, if it stands for one. */
    static Optional<AuditSummary.Person> personIn(String kind, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.startsWith(PERSON)) {
            String id = value.substring(PERSON.length());
            return id.matches("[0-9]{1,18}") ? Optional.of(new AuditSummary.Person(Long.parseLong(id)))
                    : Optional.empty();
        }
        Matcher earlier = EARLIER_PERSON.matcher(value);
        return EARLIER_PERSON_KINDS.contains(kind) && earlier.matches()
                ? Optional.of(new AuditSummary.Person(Long.parseLong(earlier.group(1)))) : Optional.empty();
    }
}
