package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * English and German say the same things: every key in both bundles, and none twice (the later would win); a count
 * is said in the singular or the plural as the number asks, and an apostrophe shows as one.
 */
class TranslationsTest {

    private static final String ENGLISH = "/vaadin-i18n/translations.properties";
    private static final String GERMAN = "/vaadin-i18n/translations_de.properties";
    /** "account(s)", "Konto/Konten", "Mandant(en)": a plural left to the reader. */
    private static final Pattern HEDGED_PLURAL = Pattern.compile(
            "\\w\\((s|es|e|en|n|er)\\)|Konto/Konten|Kontos/Konten");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    /** A choice whose first limit is above zero says "one …" for none as well. */
    private static final Pattern CHOICE_WITHOUT_ZERO = Pattern.compile("\\{\\d+,choice,(?!0#)");

    private final DefaultI18NProvider texts = new DefaultI18NProvider(SupportedLanguages.ALL);

    @Test
    void both_languages_have_exactly_the_same_keys_and_none_twice() throws IOException {
        List<String> english = keys(ENGLISH);
        List<String> german = keys(GERMAN);

        assertThat(english).doesNotHaveDuplicates();
        assertThat(german).doesNotHaveDuplicates();
        Set<String> onlyEnglish = new LinkedHashSet<>(english);
        onlyEnglish.removeAll(german);
        Set<String> onlyGerman = new LinkedHashSet<>(german);
        onlyGerman.removeAll(english);
        assertThat(onlyEnglish).as("keys without German text").isEmpty();
        assertThat(onlyGerman).as("keys without English text").isEmpty();
    }

    /**
     * Issue 13's review: "STANDARD tenants always use UTF-8" spoke in a code's capitals where a word in sentence case
     * is meant; a text says a code (an enum's name) as the words people read elsewhere, never in capitals.
     */
    @Test
    void no_text_shouts_a_code_where_a_word_is_meant() throws IOException {
        Pattern shouted = Pattern.compile("\\b(STANDARD|CUSTOM|BASIC|PROFESSIONAL|ENTERPRISE|ACTIVE|SUSPENDED|CLOSED|INVITED|"
                + "DEACTIVATED|BILLING|TECHNICAL|BUSINESS)\\b");
        for (String resource : List.of(ENGLISH, GERMAN)) {
            assertThat(texts(resource).entrySet()).as(resource)
                    .filteredOn(text -> shouted.matcher(text.getValue()).find()).isEmpty();
        }
    }

    /**
     * Issue 13's review: German said one thing in several words. "Ansprechpartner" is the account's single contact
     * person only, whoever else receives mail is a "Kontakt"; a manager is a "Manager", never a "Verwalter"; the log is
     * the "Protokoll", as the menu calls it; inviting a manager and an administrator is "hinzufügen" alike.
     */
    @Test
    void german_says_each_thing_in_one_word() throws IOException {
        Map<String, String> german = texts(GERMAN);
        assertThat(german.entrySet()).as("platform notices go to contacts, not to the contact person")
                .filteredOn(text -> text.getKey().startsWith("notice.") || text.getKey().startsWith("mail.notice."))
                .filteredOn(text -> text.getValue().contains("Ansprechpartner")).isEmpty();
        Pattern otherWords = Pattern.compile("Verwalter|Audit-Log|Administrator(?: für \\{0\\})? anlegen"
                + "|Administrator an\\b");
        assertThat(german.entrySet()).filteredOn(text -> otherWords.matcher(text.getValue()).find()).isEmpty();
    }

    @Test
    void no_text_says_the_same_qualifier_twice() throws IOException {
        // "eindeutig erkennbar; eindeutig unterhalb …": a word that qualifies says it once, the second is a slip
        Pattern qualifier = Pattern.compile("(?iu)\\b(eindeutig|unique|uniquely)\\b");
        for (String resource : List.of(ENGLISH, GERMAN)) {
            assertThat(texts(resource).entrySet()).as(resource).filteredOn(text -> {
                Matcher found = qualifier.matcher(text.getValue());
                Set<String> said = new java.util.HashSet<>();
                while (found.find()) {
                    if (!said.add(found.group(1).toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
                return false;
            }).isEmpty();
        }
    }

    @Test
    void no_text_leaves_the_plural_to_the_reader() throws IOException {
        for (String resource : List.of(ENGLISH, GERMAN)) {
            assertThat(texts(resource).entrySet()).as(resource)
                    .filteredOn(text -> HEDGED_PLURAL.matcher(text.getValue()).find()).isEmpty();
        }
    }

    @Test
    void an_apostrophe_shows_as_one_in_texts_with_and_without_placeholders() throws IOException {
        for (String resource : List.of(ENGLISH, GERMAN)) {
            // a text with placeholders goes through MessageFormat, where a single ' starts a quote that swallows
            // the rest; a text without is shown as written, where '' would show twice
            assertThat(texts(resource).entrySet()).as(resource).filteredOn(text -> PLACEHOLDER.matcher(
                    text.getValue()).find() ? LONE_APOSTROPHE.matcher(text.getValue()).find()
                    : text.getValue().contains("''")).isEmpty();
        }
    }

    @Test
    void an_apostrophe_in_a_count_with_a_number_in_it_survives_the_second_reading() throws IOException {
        for (String resource : List.of(ENGLISH, GERMAN)) {
            // a branch of a choice that holds a placeholder is read by MessageFormat once more: the doubled
            // apostrophe of the text is a lone one by then and swallows the rest, so such a branch needs four
            assertThat(texts(resource).entrySet()).as(resource)
                    .filteredOn(text -> choiceBranches(text.getValue()).stream().anyMatch(branch ->
                            branch.contains("{") && branch.replace("''''", "").contains("''")))
                    .isEmpty();
        }
    }

    /** The branches ("0#None", "1#One {0}") of every choice in {@code text}. */
    private static List<String> choiceBranches(String text) {
        List<String> branches = new java.util.ArrayList<>();
        int at = text.indexOf(",choice,");
        while (at >= 0) {
            int depth = 1;
            int end = at + ",choice,".length();
            StringBuilder branch = new StringBuilder();
            while (end < text.length() && depth > 0) {
                char c = text.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 1 && c == '|') {
                    branches.add(branch.toString());
                    branch.setLength(0);
                } else if (depth > 0) {
                    branch.append(c);
                }
                end++;
            }
            branches.add(branch.toString());
            at = text.indexOf(",choice,", end);
        }
        return branches;
    }

    @Test
    void every_count_has_its_words_for_none_too() throws IOException {
        for (String resource : List.of(ENGLISH, GERMAN)) {
            assertThat(texts(resource).entrySet()).as(resource)
                    .filteredOn(text -> CHOICE_WITHOUT_ZERO.matcher(text.getValue()).find()).isEmpty();
        }
    }

    @Test
    void counts_are_said_in_the_singular_for_one_and_the_plural_otherwise_in_english_and_german() {
        assertThat(said("support.found", 0, 1, 2)).containsExactly(
                "No account found. Choose one to see whom to call.",
                "1 account found. Choose one to see whom to call.",
                "2 accounts found. Choose one to see whom to call.",
                "Kein Konto gefunden. Wählen Sie eines, um zu sehen, wen Sie anrufen.",
                "1 Konto gefunden. Wählen Sie eines, um zu sehen, wen Sie anrufen.",
                "2 Konten gefunden. Wählen Sie eines, um zu sehen, wen Sie anrufen.");
        assertThat(said("manager.approval.waiting-for-you", 1, 2).stream().map(text -> text.substring(0, 45)))
                .containsExactly("One manager invited on a partner's behalf wai",
                        "2 managers invited on a partner's behalf wait",
                        "Ein im Auftrag eines Partners eingeladener Ma", "2 im Auftrag eines Partners eingeladene Manag");
        assertThat(said("partner.rights.count", 0, 1, 2)).containsExactly("No rights", "1 right", "2 rights",
                "Keine Rechte", "1 Recht", "2 Rechte");
        assertThat(said("notice.stalled.next-try", 0, 1, 2)).containsExactly(
                "No failed attempts, next try 9:30", "1 failed attempt, next try 9:30",
                "2 failed attempts, next try 9:30", "Kein Versuch fehlgeschlagen, nächster Versuch 9:30",
                "1 Versuch fehlgeschlagen, nächster Versuch 9:30",
                "2 Versuche fehlgeschlagen, nächster Versuch 9:30");
        assertThat(said("tenant.copy.done.DONE", 0, 1, 2)).containsExactly(
                "Done: no tenants; nothing needed copying.",
                "Done: 1 tenant; 1 setting or contact copied.",
                "Done: 2 tenants; 2 settings and contacts copied.",
                "Fertig: keine Mandanten; es musste nichts kopiert werden.",
                "Fertig: 1 Mandant; 1 Einstellung oder Kontakt kopiert.",
                "Fertig: 2 Mandanten; 2 Einstellungen und Kontakte kopiert.");
        assertThat(said("tenant.copy.running", 0, 1, 2)).containsExactly("0 of 0 tenants done…",
                "1 of 1 tenant done…", "2 of 2 tenants done…", "0 von 0 Mandanten erledigt …",
                "1 von 1 Mandanten erledigt …", "2 von 2 Mandanten erledigt …");
        assertThat(said("validation.too-long", 0, 1, 2)).containsExactly("At most 0 characters.",
                "At most one character.", "At most 2 characters.", "Höchstens 0 Zeichen.", "Höchstens ein Zeichen.",
                "Höchstens 2 Zeichen.");
        assertThat(said("audit.summary.contacts-copied", 0, 1, 2)).containsExactly(
                "No contacts copied from master tenant Vorlage", "1 contact copied from master tenant Vorlage",
                "2 contacts copied from master tenant Vorlage", "Keine Kontakte vom Master-Mandanten Vorlage kopiert",
                "1 Kontakt vom Master-Mandanten Vorlage kopiert", "2 Kontakte vom Master-Mandanten Vorlage kopiert");
        assertThat(said("audit.summary.notice-mailed-some-skipped", 0, 1, 2)).containsExactly(
                "Platform notice \"N\" mailed to no recipients, no addresses skipped as unusable",
                "Platform notice \"N\" mailed to 1 recipient, 1 address skipped as unusable",
                "Platform notice \"N\" mailed to 2 recipients, 2 addresses skipped as unusable",
                "Plattform-Mitteilung „N“ an keine Empfänger verschickt, keine unbrauchbaren Adressen übersprungen",
                "Plattform-Mitteilung „N“ an 1 Empfänger verschickt, 1 unbrauchbare Adresse übersprungen",
                "Plattform-Mitteilung „N“ an 2 Empfänger verschickt, 2 unbrauchbare Adressen übersprungen");
    }

    /** The text of {@code key} for each count, English first, then German; other placeholders get fixed words. */
    private List<String> said(String key, int... counts) {
        List<String> said = new ArrayList<>();
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (int count : counts) {
                Object[] arguments = switch (key) {
                    case "notice.stalled.next-try" -> new Object[] {count, "9:30"};
                    case "tenant.copy.done.DONE" -> new Object[] {count, count};
                    case "tenant.copy.running" -> new Object[] {count, count};
                    case "audit.summary.contacts-copied" -> new Object[] {count, "Vorlage"};
                    case "audit.summary.notice-mailed-some-skipped" -> new Object[] {"N", count, count};
                    default -> new Object[] {count};
                };
                said.add(texts.getTranslation(key, language, arguments));
            }
        }
        return said;
    }

    private static Map<String, String> texts(String resource) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                TranslationsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(reader);
            properties.stringPropertyNames().stream().sorted().forEach(key -> texts.put(key,
                    properties.getProperty(key)));
        }
        return texts;
    }

    private static List<String> keys(String resource) throws IOException {
        List<String> keys = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                TranslationsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                    keys.add(line.substring(0, line.indexOf('=')).strip());
                }
            }
        }
        return keys;
    }
}
