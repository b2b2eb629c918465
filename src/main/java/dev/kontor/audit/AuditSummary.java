package dev.kontor.audit;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What an audit event says, in words of the translation bundle: a key below {@code audit.summary.} and its
 * arguments. The log keeps the key and the arguments and shows the sentence in each reader's language; an argument
 * may itself be a {@link Term} (a role, a reason) that is translated too, a {@link Person} (a user, shown by name and
 * e-mail when the log is read, never by id) or an {@link OrganizationName} (an organization as it was called when the
 * event happened). The English sentence is stored beside them, for events written before summaries had keys.
 */
public final class AuditSummary {

    static final String PREFIX = "audit.summary.";
    static final String ACTION_PREFIX = "audit.action.";
    /** Separate the stored arguments and a term's own arguments; arguments never hold control characters. */
    private static final char SEPARATOR = '\u001F';
    private static final char TERM_SEPARATOR = '\u001E';
    private static final String TEXT = "s:";
    private static final String TERM = "t:";
    private static final String PERSON = "p:";
    private static final String ORGANIZATION_NAME = "o:";
    private static final String MOMENT = "m:";
    private static final int ARGUMENT_MAX_LENGTH = 300;
    /** Ends the key of a term that stands for a list of words: the prefix, then each code. */
    private static final String LIST_MARK = "*";
    /**
     * Events written before people and organizations were named here kept a user's or an organization's id as
     * plain text in these places (summary, argument positions): read back, they are references again.
     */
    private static final Map<String, Set<Integer>> EARLIER_USER_IDS = Map.of(
            PREFIX + "invitation-issued", Set.of(1),
            PREFIX + "membership-invited", Set.of(0));
    private static final Map<String, Set<Integer>> EARLIER_ORGANIZATION_IDS = Map.of(
            PREFIX + "partner-customer-assigned", Set.of(0),
            PREFIX + "partner-customer-unassigned", Set.of(0),
            PREFIX + "contacts-copied", Set.of(1),
            PREFIX + "content-copy-started", Set.of(0),
            PREFIX + "content-copy-done", Set.of(1),
            PREFIX + "partner-access-refused-not-assigned", Set.of(0));
    /** Events written before moments were kept as such held an instant's text there (with nanoseconds, in UTC). */
    private static final Map<String, Set<Integer>> EARLIER_MOMENTS = Map.of(
            PREFIX + "invitation-issued", Set.of(2),
            PREFIX + "partner-rights-fell-back", Set.of(2),
            PREFIX + "partner-rights-view-only-already", Set.of(2),
            PREFIX + "notice-batch-failed", Set.of(3));

    private final String key;
    private final List<Object> arguments;

    private AuditSummary(String key, List<Object> arguments) {
        this.key = key;
        this.arguments = arguments;
    }

    /**
     * The summary {@code audit.summary.<name>} with its arguments: each a {@link Term}, a {@link Person}, an
     * {@link OrganizationName}, an {@link Instant} (kept as a moment and shown in each reader's locale and time zone)
     * or anything else, which is shown as {@link String#valueOf} gives it (numbers without grouping, {@code null} as
     * empty; a count that the text says with a {@code choice} is said as a number).
     */
    public static AuditSummary of(String name, Object... arguments) {
        Objects.requireNonNull(name, "name");
        List<Object> kept = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            kept.add(switch (argument) {
                case Term term -> term;
                case Person person -> person;
                case OrganizationName organization -> new OrganizationName(clean(organization.name()));
                case Instant at -> new Moment(at);
                case Moment moment -> moment;
                case null -> "";
                default -> clean(String.valueOf(argument));
            });
        }
        return new AuditSummary(PREFIX + name, List.copyOf(kept));
    }

    /** A user the event concerns: the audit log shows their name and e-mail (as far as the reader may see them). */
    public static Person person(long userId) {
        return new Person(userId);
    }

    /**
     * As {@link #person(long)}; the stored English sentence says {@code email} rather than "user 6", so that the
     * sentence stays readable in a database search. Only the id is kept as the argument.
     */
    public static Person person(long userId, String email) {
        return new Person(userId, email == null || email.isBlank() ? null : clean(email));
    }

    /**
     * An organization by the name it had when the event happened: a former partner's log keeps the customer as it
     * knew it, and nobody reads an id.
     */
    public static OrganizationName organization(String name) {
        return new OrganizationName(name == null ? "" : name);
    }

    /** A word of the bundle used as an argument, e.g. {@code term("membership.role.MANAGER")} for "Manager". */
    public static Term term(String key, Object... arguments) {
        return new Term(key, Arrays.stream(arguments).map(a -> clean(a == null ? "" : String.valueOf(a))).toList());
    }

    /**
     * Several words of the bundle with a common prefix, said as a list: {@code terms("right.", rights)} shows
     * "See the account, Manage users" for VIEW and MANAGE_USERS.
     */
    public static Term terms(String prefix, Collection<?> codes) {
        return new Term(prefix + LIST_MARK, codes.stream().map(c -> clean(String.valueOf(c))).toList());
    }

    /**
     * What someone tried, as a refusal names it: {@code action("add-manager")} stands for the bundle's
     * {@code audit.action.add-manager} ("Add manager"); the arguments fill its placeholders.
     */
    public static Term action(String name, Object... arguments) {
        return term(ACTION_PREFIX + name, arguments);
    }

    public String key() {
        return key;
    }

    List<Object> arguments() {
        return arguments;
    }

    /**
     * The sentence, with the terms and then the whole translated by {@code translate(key, arguments)}; people and
     * organizations known only by id are said as "user 6" and "organization 7", moments in UTC to the second (the
     * stored English sentence).
     */
    public String render(BiFunction<String, Object[], String> translate) {
        return render(translate, reference -> switch (reference) {
            case Person person -> person.recorded() != null ? person.recorded() : "user " + person.userId();
            case OrganizationId organization -> "organization " + organization.id();
            case Moment moment -> AuditReading.iso(moment.at());
            default -> String.valueOf(reference);
        });
    }

    /** The sentence, with each {@link Person}, {@link OrganizationId} and {@link Moment} said as {@code names} says. */
    String render(BiFunction<String, Object[], String> translate, Function<Object, String> names) {
        Object[] rendered = arguments.stream()
                .map(a -> switch (a) {
                    case Term term -> term.render(translate);
                    case Person person -> names.apply(person);
                    case OrganizationId organization -> names.apply(organization);
                    case Moment moment -> names.apply(moment);
                    case OrganizationName organization -> organization.name();
                    default -> a;
                })
                .toArray();
        return translate.apply(key, numbersWhereCounted(translate.apply(key, new Object[0]), rendered));
    }

    /**
     * This summary with every mention of the actor withheld, for a reader who may not learn who they are: the person
     * themselves and any text holding their address become the bundle's "someone outside your organization"; a word's
     * argument holding the address, which cannot hold a word itself, becomes a dash.
     */
    AuditSummary withoutActor(Long userId, String email) {
        String address = email == null || email.isBlank() ? null : email.toLowerCase(java.util.Locale.ROOT);
        Term outsider = new Term(AuditRow.OUTSIDER_KEY, List.of());
        List<Object> kept = new ArrayList<>(arguments.size());
        for (Object argument : arguments) {
            kept.add(switch (argument) {
                case Person person when userId != null && person.userId() == userId -> outsider;
                case Term term when address != null && term.arguments().stream().anyMatch(a -> mentions(a, address)) ->
                        new Term(term.key(), term.arguments().stream().map(a -> mentions(a, address) ? "\u2014" : a)
                                .toList());
                case OrganizationName organization when mentions(organization.name(), address) -> outsider;
                case String text when mentions(text, address) -> outsider;
                default -> argument;
            });
        }
        return new AuditSummary(key, List.copyOf(kept));
    }

    private static boolean mentions(String text, String address) {
        return address != null && text != null && text.toLowerCase(java.util.Locale.ROOT).contains(address);
    }

    /** The people this summary names. */
    java.util.stream.Stream<Person> people() {
        return arguments.stream().filter(Person.class::isInstance).map(Person.class::cast);
    }

    /** The organizations this summary names by id (events written before they were named). */
    java.util.stream.Stream<OrganizationId> organizationIds() {
        return arguments.stream().filter(OrganizationId.class::isInstance).map(OrganizationId.class::cast);
    }

    /**
     * Arguments are stored as text, but a text that says a count in the reader's grammar ({@code {0,choice,…}}) or
     * as a number needs the number itself: such arguments are handed over as numbers.
     */
    static Object[] numbersWhereCounted(String pattern, Object[] arguments) {
        Format[] formats;
        try {
            formats = new MessageFormat(pattern).getFormatsByArgumentIndex();
        } catch (IllegalArgumentException notAPattern) {
            return arguments;
        }
        Object[] handedOver = arguments.clone();
        for (int i = 0; i < Math.min(formats.length, handedOver.length); i++) {
            if (formats[i] instanceof NumberFormat && handedOver[i] instanceof String text) {
                try {
                    handedOver[i] = Long.valueOf(text.strip());
                } catch (NumberFormatException notANumber) {
                    // never written so; said as no count rather than failing the whole page of the log
                    handedOver[i] = 0L;
                }
            }
        }
        return handedOver;
    }

    String storedArguments() {
        if (arguments.isEmpty()) {
            return null;
        }
        StringBuilder stored = new StringBuilder();
        for (Object argument : arguments) {
            if (!stored.isEmpty()) {
                stored.append(SEPARATOR);
            }
            stored.append(switch (argument) {
                case Term term -> TERM + term.stored();
                case Person person -> PERSON + person.userId();
                case OrganizationName organization -> ORGANIZATION_NAME + organization.name();
                case Moment moment -> MOMENT + moment.at();
                default -> TEXT + argument;
            });
        }
        return stored.toString();
    }

    /** The summary as stored; {@code null} for an event written before summaries had keys. */
    static AuditSummary stored(String key, String storedArguments) {
        if (key == null) {
            return null;
        }
        String[] parts = storedArguments == null || storedArguments.isEmpty() ? new String[0]
                : storedArguments.split(String.valueOf(SEPARATOR), -1);
        Set<Integer> earlierUsers = EARLIER_USER_IDS.getOrDefault(key, Set.of());
        Set<Integer> earlierOrganizations = EARLIER_ORGANIZATION_IDS.getOrDefault(key, Set.of());
        Set<Integer> earlierMoments = EARLIER_MOMENTS.getOrDefault(key, Set.of());
        List<Object> arguments = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String a = parts[i];
            if (a.startsWith(TERM)) {
                arguments.add(Term.fromStored(a.substring(TERM.length())));
            } else if (a.startsWith(PERSON) && isId(a.substring(PERSON.length()))) {
                arguments.add(new Person(Long.parseLong(a.substring(PERSON.length()))));
            } else if (a.startsWith(ORGANIZATION_NAME)) {
                arguments.add(new OrganizationName(a.substring(ORGANIZATION_NAME.length())));
            } else if (a.startsWith(MOMENT) && isInstant(a.substring(MOMENT.length()))) {
                arguments.add(new Moment(Instant.parse(a.substring(MOMENT.length()))));
            } else {
                String text = a.startsWith(TEXT) ? a.substring(TEXT.length()) : a;
                arguments.add(earlierUsers.contains(i) && isId(text) ? new Person(Long.parseLong(text))
                        : earlierOrganizations.contains(i) && isId(text) ? new OrganizationId(Long.parseLong(text))
                        : earlierMoments.contains(i) && isInstant(text) ? new Moment(Instant.parse(text))
                        : text);
            }
        }
        return new AuditSummary(key, List.copyOf(arguments));
    }

    private static boolean isInstant(String text) {
        if (!AuditValue.INSTANT.matcher(text).matches()) {
            return false;
        }
        try {
            Instant.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return false;
        }
    }

    private static boolean isId(String text) {
        return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String clean(String text) {
        String single = text.replaceAll("\\p{Cntrl}", " ");
        return single.length() <= ARGUMENT_MAX_LENGTH ? single : single.substring(0, ARGUMENT_MAX_LENGTH - 1) + "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditSummary other && key.equals(other.key) && arguments.equals(other.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, arguments);
    }

    @Override
    public String toString() {
        return key + arguments;
    }

    /**
     * A user named in a summary, by id; the audit log says who it is when it is read. {@code recorded} (their address
     * when the event was written, or null) only words the stored English sentence: it is not kept as the argument,
     * so two mentions of the same user are equal.
     */
    public record Person(long userId, String recorded) {

        public Person(long userId) {
            this(userId, null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person other && userId == other.userId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(userId);
        }
    }

    /** An organization named in a summary as it was called at the time. */
    public record OrganizationName(String name) {

        public OrganizationName {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A moment in a summary (an invitation's "valid until"): each reader sees it in their locale and time zone. */
    public record Moment(Instant at) {

        public Moment {
            Objects.requireNonNull(at, "at");
        }
    }

    /** An organization that an event written before organizations were named kept by id. */
    record OrganizationId(long id) {
    }

    /** A bundle key standing for a word or phrase inside a summary, with the arguments of its own placeholders. */
    public record Term(String key, List<String> arguments) {

        public Term {
            Objects.requireNonNull(key, "key");
            arguments = List.copyOf(arguments);
        }

        String render(BiFunction<String, Object[], String> translate) {
            if (key.endsWith(LIST_MARK)) {
                String prefix = key.substring(0, key.length() - LIST_MARK.length());
                return String.join(", ", arguments.stream()
                        .map(code -> translate.apply(prefix + code, new Object[0])).toList());
            }
            return translate.apply(key, arguments.toArray());
        }

        private String stored() {
            StringBuilder stored = new StringBuilder(key);
            arguments.forEach(a -> stored.append(TERM_SEPARATOR).append(a));
            return stored.toString();
        }

        private static Term fromStored(String stored) {
            List<String> parts = List.of(stored.split(String.valueOf(TERM_SEPARATOR), -1));
            return new Term(parts.getFirst(), parts.subList(1, parts.size()));
        }
    }
}
