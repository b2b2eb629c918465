package dev.kontor.audit;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What an audit event says, in words of the translation bundle: a key below {@code audit.summary.} and its
 * arguments. The log keeps the key and the arguments and shows the sentence in each reader's language; an argument
 * may itself be a {@link Term} (a role, a reason) that is translated too. The English sentence is stored beside
 * them, for the CSV export and for events written before summaries had keys.
 */
public final class AuditSummary {

    static final String PREFIX = "audit.summary.";
    static final String ACTION_PREFIX = "audit.action.";
    /** Separate the stored arguments and a term's own arguments; arguments never hold control characters. */
    private static final char SEPARATOR = '\u001F';
    private static final char TERM_SEPARATOR = '\u001E';
    private static final String TEXT = "s:";
    private static final String TERM = "t:";
    private static final int ARGUMENT_MAX_LENGTH = 300;
    /** Ends the key of a term that stands for a list of words: the prefix, then each code. */
    private static final String LIST_MARK = "*";

    private final String key;
    private final List<Object> arguments;

    private AuditSummary(String key, List<Object> arguments) {
        this.key = key;
        this.arguments = arguments;
    }

    /**
     * The summary {@code audit.summary.<name>} with its arguments: each a {@link Term} or anything else, which is
     * shown as {@link String#valueOf} gives it (numbers without grouping, {@code null} as empty; a count that the text
     * says with a {@code choice} is said as a number).
     */
    public static AuditSummary of(String name, Object... arguments) {
        Objects.requireNonNull(name, "name");
        List<Object> kept = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            kept.add(argument instanceof Term term ? term : clean(argument == null ? "" : String.valueOf(argument)));
        }
        return new AuditSummary(PREFIX + name, List.copyOf(kept));
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

    /** The sentence, with the terms and then the whole translated by {@code translate(key, arguments)}. */
    public String render(BiFunction<String, Object[], String> translate) {
        Object[] rendered = arguments.stream()
                .map(a -> a instanceof Term term ? term.render(translate) : a)
                .toArray();
        return translate.apply(key, numbersWhereCounted(translate.apply(key, new Object[0]), rendered));
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
            stored.append(argument instanceof Term term ? TERM + term.stored() : TEXT + argument);
        }
        return stored.toString();
    }

    /** The summary as stored; {@code null} for an event written before summaries had keys. */
    static AuditSummary stored(String key, String storedArguments) {
        if (key == null) {
            return null;
        }
        List<Object> arguments = storedArguments == null || storedArguments.isEmpty() ? List.of()
                : Arrays.stream(storedArguments.split(String.valueOf(SEPARATOR), -1))
                .map(a -> a.startsWith(TERM) ? (Object) Term.fromStored(a.substring(TERM.length()))
                        : a.startsWith(TEXT) ? a.substring(TEXT.length()) : a)
                .toList();
        return new AuditSummary(key, arguments);
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
