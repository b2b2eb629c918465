package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import dev.kontor.base.SupportedLanguages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Audit summaries are stored as key and arguments and said in the reader's language; every summary and term the
 * code names has an English and a German text, and every summary renders without a placeholder left over.
 */
class AuditSummaryTest {

    private static final Pattern SUMMARY = Pattern.compile("AuditSummary\\.of\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Pattern TERM = Pattern.compile("AuditSummary\\.term\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Pattern ACTION = Pattern.compile("AuditSummary\\.action\\(\\s*\"([^\"]+)\"\\s*[,)]");

    private final DefaultI18NProvider texts = new DefaultI18NProvider(SupportedLanguages.ALL);

    @Test
    void arguments_and_terms_survive_storing_and_are_said_in_the_readers_language() {
        AuditSummary summary = AuditSummary.of("test", "Anna\u001Fand\nBen", 42, null,
                AuditSummary.term("audit.term.test"), AuditSummary.action("open", "CN-1\u001E0"));

        AuditSummary stored = AuditSummary.stored(summary.key(), summary.storedArguments());

        assertThat(stored).isEqualTo(summary);
        assertThat(stored.render((key, arguments) -> key + String.join("|",
                Stream.of(arguments).map(String::valueOf).toList())))
                .isEqualTo("audit.summary.testAnna and Ben|42||audit.term.test|audit.action.openCN-1 0");
    }

    @Test
    void a_moment_is_stored_as_such_and_the_stored_english_says_it_to_the_second_in_utc() {
        AuditSummary summary = AuditSummary.of("invitation-issued", AuditSummary.term("membership.role.MANAGER"),
                "ivo@example.test", java.time.Instant.parse("2026-12-12T15:03:11.123456789Z"));

        AuditSummary stored = AuditSummary.stored(summary.key(), summary.storedArguments());

        assertThat(stored).isEqualTo(summary);
        assertThat(summary.storedArguments()).contains("m:2026-12-12T15:03:11.123456789Z");
        assertThat(stored.render((key, arguments) -> texts.getTranslation(key, Locale.ENGLISH, arguments)))
                .isEqualTo("Manager invitation for ivo@example.test, valid until 2026-12-12T15:03:11Z");
    }

    @Test
    void an_instant_kept_as_text_by_an_earlier_version_is_a_moment_again_where_that_version_wrote_one() {
        AuditSummary earlier = AuditSummary.stored("audit.summary.invitation-issued",
                "t:membership.role.MANAGER\u001Fs:ivo@example.test\u001Fs:2026-12-12T15:03:11.123456789Z");
        AuditSummary elsewhere = AuditSummary.stored("audit.summary.contact-added",
                "s:2026-12-12T15:03:11.123456789Z");

        assertThat(earlier.render((key, arguments) -> texts.getTranslation(key, Locale.ENGLISH, arguments)))
                .endsWith("valid until 2026-12-12T15:03:11Z");
        assertThat(elsewhere.render((key, arguments) -> texts.getTranslation(key, Locale.ENGLISH, arguments)))
                .as("typed text that looks like an instant stays as typed").contains("15:03:11.123456789Z");
    }

    @Test
    void a_list_of_terms_is_said_word_by_word() {
        AuditSummary summary = AuditSummary.of("test", AuditSummary.terms("right.", java.util.List.of("VIEW",
                "MANAGE_USERS")));

        AuditSummary stored = AuditSummary.stored(summary.key(), summary.storedArguments());

        // asked without arguments, a translation answers the text as written (the summary looks for counts in it)
        assertThat(stored.render((key, arguments) -> key.equals("audit.summary.test")
                ? arguments.length == 0 ? "{0}" : (String) arguments[0]
                : texts.getTranslation(key, Locale.GERMAN, arguments)))
                .isEqualTo("Konto ansehen, Benutzer verwalten");
    }

    @Test
    void people_and_organizations_are_stored_as_such_and_said_as_the_log_names_them() {
        AuditSummary summary = AuditSummary.of("test", AuditSummary.person(6),
                AuditSummary.organization("Vorlage Handel"), "7");

        AuditSummary stored = AuditSummary.stored(summary.key(), summary.storedArguments());

        assertThat(stored).isEqualTo(summary);
        assertThat(stored.people()).containsExactly(AuditSummary.person(6));
        assertThat(stored.organizationIds()).isEmpty();
        BiFunction<String, Object[], String> joined = (key, arguments) -> String.join("|",
                Stream.of(arguments).map(String::valueOf).toList());
        assertThat(stored.render(joined)).as("the stored English sentence").isEqualTo("user 6|Vorlage Handel|7");
        assertThat(stored.render(joined, reference -> "Anna Becker (anna@sonnenschein.test)"))
                .isEqualTo("Anna Becker (anna@sonnenschein.test)|Vorlage Handel|7");
    }

    @Test
    void ids_that_earlier_events_kept_as_text_are_people_and_organizations_again() {
        assertThat(AuditSummary.stored("audit.summary.membership-invited", "s:6\u001Ft:membership.role.MANAGER")
                .people()).containsExactly(AuditSummary.person(6));
        assertThat(AuditSummary.stored("audit.summary.invitation-issued",
                "t:membership.role.MANAGER\u001Fs:6\u001Fs:2026-12-12T10:00:00Z").people())
                .containsExactly(AuditSummary.person(6));
        assertThat(AuditSummary.stored("audit.summary.partner-customer-assigned", "s:42").organizationIds())
                .containsExactly(new AuditSummary.OrganizationId(42));
        // a name of digits written since is a name, and ids elsewhere stay what they were
        assertThat(AuditSummary.stored("audit.summary.partner-customer-assigned", "o:4711").organizationIds())
                .isEmpty();
        assertThat(AuditSummary.stored("audit.summary.content-copy-failed", "s:42").organizationIds()).isEmpty();
    }

    @Test
    void a_count_stored_as_text_is_said_in_the_singular_or_the_plural() {
        for (int count : new int[] {0, 1, 3}) {
            AuditSummary summary = AuditSummary.stored("audit.summary.contacts-copied", AuditSummary.of(
                    "contacts-copied", count, AuditSummary.organization("Vorlage")).storedArguments());
            assertThat(summary.render((key, arguments) -> texts.getTranslation(key, Locale.ENGLISH, arguments)))
                    .isEqualTo(switch (count) {
                        case 0 -> "No contacts copied from master tenant Vorlage";
                        case 1 -> "1 contact copied from master tenant Vorlage";
                        default -> "3 contacts copied from master tenant Vorlage";
                    });
            assertThat(summary.render((key, arguments) -> texts.getTranslation(key, Locale.GERMAN, arguments)))
                    .isEqualTo(switch (count) {
                        case 0 -> "Keine Kontakte vom Master-Mandanten Vorlage kopiert";
                        case 1 -> "1 Kontakt vom Master-Mandanten Vorlage kopiert";
                        default -> "3 Kontakte vom Master-Mandanten Vorlage kopiert";
                    });
        }
    }

    @Test
    void a_value_stands_for_a_person_when_written_as_one_or_as_earlier_events_of_its_kind_wrote_it() {
        assertThat(AuditValue.personIn("ANY_KIND", AuditValue.person(7))).contains(AuditSummary.person(7));
        assertThat(AuditValue.personIn("CONTACT_PERSON_CHANGED", "user 6")).contains(AuditSummary.person(6));
        assertThat(AuditValue.personIn("EMPLOYEE_UNASSIGNED", "user 6")).contains(AuditSummary.person(6));
        // a tenant may well be called "user 6"
        assertThat(AuditValue.personIn("ORGANIZATION_RENAMED", "user 6")).isEmpty();
        assertThat(AuditValue.personIn("CONTACT_PERSON_CHANGED", "anna@sonnenschein.test")).isEmpty();
        assertThat(AuditValue.personIn("CONTACT_PERSON_CHANGED", null)).isEmpty();
    }

    @Test
    void a_long_argument_is_cut_and_no_arguments_store_nothing() {
        AuditSummary summary = AuditSummary.of("test", "x".repeat(1000));

        assertThat(summary.storedArguments()).hasSize(2 + 300).endsWith("…");
        assertThat(AuditSummary.of("test").storedArguments()).isNull();
        assertThat(AuditSummary.stored(null, null)).isNull();
    }

    @Test
    void every_summary_and_term_the_code_names_is_in_both_languages_and_leaves_no_placeholder() throws IOException {
        Set<String> summaries = new TreeSet<>();
        Set<String> terms = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                collect(SUMMARY, code, summaries);
                collect(TERM, code, terms);
                Set<String> actions = new TreeSet<>();
                collect(ACTION, code, actions);
                actions.forEach(action -> terms.add(AuditSummary.ACTION_PREFIX + action));
            }
        }
        Properties english = bundle("/vaadin-i18n/translations.properties");
        Properties german = bundle("/vaadin-i18n/translations_de.properties");

        for (String name : summaries) {
            String key = AuditSummary.PREFIX + name;
            assertThat(english.containsKey(key)).as("English text of %s", key).isTrue();
            assertThat(german.containsKey(key)).as("German text of %s", key).isTrue();
            for (Locale language : SupportedLanguages.ALL) {
                // every placeholder the text uses is filled, and an apostrophe does not swallow one; a count is
                // handed over as the number it is stored as
                String rendered = texts.getTranslation(key, language, AuditSummary.numbersWhereCounted(
                        texts.getTranslation(key, language), new Object[] {"1", "2", "3", "4", "5", "6", "7"}));
                assertThat(rendered).as("%s in %s", key, language).doesNotContain("{").doesNotContain("!");
            }
        }
        for (String key : terms) {
            assertThat(english.containsKey(key)).as("English text of %s", key).isTrue();
            assertThat(german.containsKey(key)).as("German text of %s", key).isTrue();
            for (Locale language : SupportedLanguages.ALL) {
                assertThat(texts.getTranslation(key, language, "A1", "A2", "A3")).as("%s in %s", key, language)
                        .doesNotContain("{").doesNotContain("!");
            }
        }
    }

    private static void collect(Pattern pattern, String code, Set<String> into) {
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = AuditSummaryTest.class.getResourceAsStream(resource);
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
