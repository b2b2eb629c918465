package dev.kontor.corpus;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile inputs of the bad-input corpus, by kind, and what the corpus checks around each of them: that nothing
 * was stored (every table counted, the versions of what forms change summed) and that nothing was logged above
 * WARN. The tally of inputs tried is printed as {@code BAD INPUT CORPUS: N inputs} after each part, so the last
 * line in a run is the whole corpus.
 */
final class BadInputs {

    /** How a hostile text is meant to be refused; each field says which message it gives for each kind. */
    enum Kind { EMPTY, BLANK, TOO_LONG, CONTROL, HIDDEN, MARKUP, LINK }

    record Hostile(Kind kind, String label, String value) {

        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Hostile> TEXTS = List.of(
            new Hostile(Kind.EMPTY, "empty", ""),
            new Hostile(Kind.BLANK, "blanks", "    "),
            new Hostile(Kind.BLANK, "white space and line breaks only", " \t\r\n "),
            new Hostile(Kind.TOO_LONG, "10,000 characters", "x".repeat(10_000)),
            new Hostile(Kind.TOO_LONG, "10,000 umlauts", "ä".repeat(10_000)),
            new Hostile(Kind.TOO_LONG, "3,000 joined emoji", "👩\u200D💻".repeat(3_000)),
            new Hostile(Kind.CONTROL, "NUL", "Anna\u0000Schmidt"),
            new Hostile(Kind.CONTROL, "line feed", "Anna\nBcc: evil@example.test"),
            new Hostile(Kind.CONTROL, "carriage return", "Anna\rSchmidt"),
            new Hostile(Kind.CONTROL, "CR LF header injection", "Anna\r\nSubject: hacked"),
            new Hostile(Kind.CONTROL, "tab", "Anna\tSchmidt"),
            new Hostile(Kind.CONTROL, "escape sequence", "Anna\u001B[31mSchmidt"),
            new Hostile(Kind.CONTROL, "bell", "Anna\u0007Schmidt"),
            new Hostile(Kind.CONTROL, "delete", "Anna\u007FSchmidt"),
            new Hostile(Kind.CONTROL, "next line (C1)", "Anna\u0085Schmidt"),
            new Hostile(Kind.CONTROL, "CSI (C1)", "Anna\u009BSchmidt"),
            new Hostile(Kind.HIDDEN, "right-to-left override", "Rechnung\u202Efdp.exe"),
            new Hostile(Kind.HIDDEN, "left-to-right override", "\u202DAnna Schmidt"),
            new Hostile(Kind.HIDDEN, "right-to-left embedding", "Anna \u202BSchmidt\u202C"),
            new Hostile(Kind.HIDDEN, "isolates", "Anna \u2066Schmidt\u2069 \u2067x\u2069 \u2068y\u2069"),
            new Hostile(Kind.HIDDEN, "left-to-right mark", "Anna\u200ESchmidt"),
            new Hostile(Kind.HIDDEN, "right-to-left mark", "Anna\u200FSchmidt"),
            new Hostile(Kind.HIDDEN, "zero-width space", "An\u200Bna Schmidt"),
            new Hostile(Kind.HIDDEN, "zero-width non-joiner", "An\u200Cna Schmidt"),
            new Hostile(Kind.HIDDEN, "word joiner", "Anna\u2060Schmidt"),
            new Hostile(Kind.HIDDEN, "byte order mark", "Anna\uFEFFSchmidt"),
            new Hostile(Kind.HIDDEN, "line separator", "Anna\u2028Schmidt"),
            new Hostile(Kind.HIDDEN, "paragraph separator", "Anna\u2029Schmidt"),
            new Hostile(Kind.HIDDEN, "soft hyphen", "Schmidt\u00ADGmbH"),
            new Hostile(Kind.HIDDEN, "Hangul filler as a name", "\u3164"),
            new Hostile(Kind.HIDDEN, "tag characters", "Anna\uDB40\uDC41\uDB40\uDC42"),
            new Hostile(Kind.HIDDEN, "lone surrogate", "Anna\uD800Schmidt"),
            new Hostile(Kind.MARKUP, "script element", "<script>alert(1)</script>"),
            new Hostile(Kind.MARKUP, "bold element", "<b>Anna</b>"),
            new Hostile(Kind.MARKUP, "attribute breakout", "\"><img src=x onerror=alert(1)>"),
            new Hostile(Kind.MARKUP, "javascript link", "<a href=\"javascript:alert(1)\">x</a>"));

    /**
     * Names that read as a link, which mails would show as one: refused in the name of a person or an organization
     * (it goes into mails to addresses its author chooses), ordinary text anywhere else.
     */
    static final List<Hostile> LINKS_IN_NAMES = List.of(
            new Hostile(Kind.LINK, "web address", "Acme https://evil.test/login"),
            new Hostile(Kind.LINK, "www", "Visit www.evil.test"),
            new Hostile(Kind.LINK, "domain with a path", "Acme evil.test/login"),
            new Hostile(Kind.LINK, "e-mail address", "Write to me@evil.test"),
            new Hostile(Kind.LINK, "wide letters", "Acme ｗｗｗ．evil．test"));

    /** Addresses that the e-mail check refuses: syntax edge cases, header injection, hidden characters. */
    static final List<String> EMAILS = List.of(
            "", "   ", "anna", "anna@", "@example.test", "anna@@example.test", "anna example@example.test",
            "anna@example", "anna@localhost", "anna@exa_mple.test", "anna@-example.test", "anna@example..test",
            "anna@example.test;bob@example.test", "anna@example.test, bob@example.test", "<anna@example.test>",
            "\"anna\"@example.test", "anna@example.test\r\nBcc: evil@example.test", "anna\n@example.test",
            "anna\u0000@example.test", "anna\u202E@example.test", "an\u200Bna@example.test",
            "x".repeat(65) + "@example.test", "a@" + "b".repeat(250) + ".test", "x".repeat(10_000) + "@example.test",
            "javascript:alert(1)@example.test", "anna@example.test<script>", "' OR '1'='1@example.test");

    /** Text that is no phone number, or one with a hidden character that a lenient parser would skip. */
    static final List<String> PHONES = List.of(
            "12", "not a phone", "+49 5251 123456\u202E", "+49\u00005251 123456", "+49 5251\n123456",
            "+49 5251 123456; DROP TABLE contact", "1".repeat(10_000), "<script>alert(1)</script>",
            "+49 5251 12345\u200B6");

    /** Search text that must simply match nothing (no error, no crash on PostgreSQL, where NUL is refused). */
    static final List<String> SEARCHES = List.of(
            "\u0000", "Sonnen\u0000schein", "Sonnen\u202Eschein", "\u200B", "%", "_", "\\", "' OR '1'='1",
            "'; DROP TABLE organization; --", "x".repeat(10_000), "<script>alert(1)</script>", "CN-99999999999999",
            "CN--1", "🥐");

    /** The messages of a required text field by kind of hostile text. */
    static java.util.function.Function<Kind, String> requiredText() {
        return kind -> switch (kind) {
            case EMPTY, BLANK -> "validation.required";
            case TOO_LONG -> "validation.too-long";
            case CONTROL, HIDDEN -> "validation.hidden-characters";
            case MARKUP -> "validation.no-markup";
            case LINK -> null; // ordinary text where it is no name
        };
    }

    /** Like {@link #requiredText}, but an empty entry is fine (null: not a hostile input for this field). */
    static java.util.function.Function<Kind, String> optionalText() {
        return kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null : requiredText().apply(kind);
    }

    /** A readable label of a hostile value for the test report: hidden characters spelt out, long ones cut. */
    static String describe(String value) {
        StringBuilder label = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c > 0x7E && !Character.isLetterOrDigit(c)) {
                label.append(String.format("\\u%04X", c));
            } else {
                label.appendCodePoint(c);
            }
        });
        return value.length() > 40 ? label + "… (" + value.length() + " characters)" : label.toString();
    }

    private static final AtomicInteger TOTAL = new AtomicInteger();
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(BadInputs.class);

    private BadInputs() {
    }

    /** Adds a part's inputs to the tally and prints it. */
    static void report(String part, int inputs) {
        int total = TOTAL.addAndGet(inputs);
        LOG.info("BAD INPUT CORPUS ({}): {} inputs", part, inputs);
        LOG.info("BAD INPUT CORPUS: {} inputs", total);
    }

    /** Every table's row count and the summed versions of the rows forms change; audit entries excluded. */
    static Map<String, Long> snapshot(JdbcTemplate jdbc) {
        Map<String, Long> state = new TreeMap<>();
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')", String.class);
        for (String table : tables) {
            String name = table.toLowerCase(java.util.Locale.ROOT);
            // refusals are audited, Spring Modulith keeps its event publications, and the schedulers write their job
            // locks (a row per job the first time it runs, at any moment): none of them is stored input
            if (name.startsWith("audit_") || name.startsWith("event_publication") || name.startsWith("flyway")
                    || name.equals("shedlock")) {
                continue;
            }
            state.put(name, jdbc.queryForObject("SELECT COUNT(*) FROM " + name, Long.class));
        }
        for (String versioned : List.of("organization", "customer_account", "tenant", "contact", "app_user",
                "membership", "access_policy")) {
            if (state.containsKey(versioned)) {
                state.put(versioned + ".versions", jdbc.queryForObject(
                        "SELECT COALESCE(SUM(version), 0) FROM " + versioned, Long.class));
            }
        }
        return state;
    }

    /** Collects what is logged while a hostile input is tried. */
    static final class LogCapture implements AutoCloseable {

        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        LogCapture() {
            appender.start();
            root.addAppender(appender);
        }

        /** What was logged above WARN, as text. */
        List<String> aboveWarn() {
            return new ArrayList<>(appender.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).collect(Collectors.toList());
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
