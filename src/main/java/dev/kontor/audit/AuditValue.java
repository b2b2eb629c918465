package dev.kontor.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The old and new values of an audit event are text. What the reader should see in their own words is written
 * marked: a person with {@link #person} (the log shows their name and e-mail when it is read, never their id), a
 * moment with {@link #moment} (shown as date and time in the reader's locale and time zone), a role and state with
 * {@link #membership} and a state alone with {@link #membershipState} (shown as the bundle's words). Values that
 * events wrote before they were marked ("user 6", "MANAGER/INVITED", "2026-12-12T15:03:11.123456789Z") are
 * recognized by their kind and shape and shown the same way.
 */
public final class AuditValue {

    /** Starts a value that stands for a user; text that people type never holds a control character. */
    private static final String PERSON = "\u001Fuser ";
    private static final String MOMENT = "\u001Fat ";
    private static final String MEMBERSHIP = "\u001Fmembership ";
    private static final String MEMBERSHIP_STATE = "\u001Fstate ";
    /** Before people were marked, these kinds wrote a person as "user 6". */
    private static final Set<String> EARLIER_PERSON_KINDS = Set.of("CONTACT_PERSON_CHANGED", "EMPLOYEE_UNASSIGNED");
    private static final Pattern EARLIER_PERSON = Pattern.compile("user ([0-9]{1,18})");
    /** Before memberships were marked, these kinds wrote a role and state as "MANAGER/INVITED", a state as "ACTIVE". */
    private static final Set<String> EARLIER_MEMBERSHIP_KINDS = Set.of("MEMBERSHIP_GRANTED",
            "MEMBERSHIP_STATE_CHANGED", "MEMBERSHIP_REMOVED", "MEMBERSHIP_APPROVED", "MEMBERSHIP_REFUSED",
            "INVITATION_ACCEPTED", "INVITATION_DECLINED");
    private static final Pattern EARLIER_MEMBERSHIP = Pattern.compile("([A-Z_]{1,40})(?:/([A-Z_]{1,40}))?");
    /** Before moments were marked, these kinds wrote one as an instant's text, with up to nine digits of a second. */
    private static final Set<String> EARLIER_MOMENT_KINDS = Set.of("CONTACT_DATA_CONFIRMED",
            "PARTNER_RIGHTS_CONFIRMED");
    /** An instant as {@link Instant#toString} writes it. */
    static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?Z");

    private AuditValue() {
    }

    /** The value for the user {@code userId}. */
    public static String person(long userId) {
        return PERSON + userId;
    }

    /** The value for a moment, shown in the reader's locale and time zone. */
    public static String moment(Instant at) {
        return MOMENT + at;
    }

    /** The value for a role held in a state (say MANAGER and INVITED), shown as "Manager (Invited)". */
    public static String membership(Enum<?> role, Enum<?> state) {
        return MEMBERSHIP + role.name() + "/" + state.name();
    }

    /** The value for a membership's state alone (say APPROVAL_PENDING), shown as "Awaiting approval". */
    public static String membershipState(Enum<?> state) {
        return MEMBERSHIP_STATE + state.name();
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

    /**
     * A value that stands for no person, as the reader is told it: a moment in their time, a membership in their
     * words; anything else as it was written. A value whose words the bundle lacks is shown as written.
     */
    static String said(String kind, String value, AuditReading reading) {
        if (value == null) {
            return null;
        }
        if (value.startsWith(MOMENT)) {
            return momentIn(value.substring(MOMENT.length()), reading).orElse(value.substring(MOMENT.length()));
        }
        if (value.startsWith(MEMBERSHIP) || value.startsWith(MEMBERSHIP_STATE)) {
            String codes = value.substring(value.indexOf(' ') + 1);
            return membershipIn(codes, reading).orElse(codes);
        }
        if (EARLIER_MEMBERSHIP_KINDS.contains(kind)) {
            return membershipIn(value, reading).orElse(value);
        }
        if (EARLIER_MOMENT_KINDS.contains(kind) && INSTANT.matcher(value).matches()) {
            return momentIn(value, reading).orElse(value);
        }
        return AuditCodes.said(kind, value, reading).orElse(value);
    }

    private static Optional<String> momentIn(String text, AuditReading reading) {
        try {
            return Optional.of(reading.moment(Instant.parse(text)));
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    /** "ROLE/STATE" as "Role (State)", "STATE" as "State"; empty when it is neither or the bundle lacks a word. */
    private static Optional<String> membershipIn(String codes, AuditReading reading) {
        Matcher parts = EARLIER_MEMBERSHIP.matcher(codes);
        if (!parts.matches()) {
            return Optional.empty();
        }
        if (parts.group(2) == null) {
            return word(reading, "membership.state." + parts.group(1));
        }
        Optional<String> role = word(reading, "membership.role." + parts.group(1));
        Optional<String> state = word(reading, "membership.state." + parts.group(2));
        return role.isPresent() && state.isPresent()
                ? Optional.of(reading.word("audit.value.membership", role.get(), state.get())) : Optional.empty();
    }

    private static Optional<String> word(AuditReading reading, String key) {
        String word = reading.word(key);
        return word == null || word.contains(key) ? Optional.empty() : Optional.of(word);
    }
}
