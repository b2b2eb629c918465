package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    /** Each is put in the middle of a name, where trimming cannot remove it. */
    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B,
        0x9F, 0x00AD, 0x061C, 0x115F, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B,
        0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x3164, 0xD800, 0xFEFF,
        0xFFA0, 0xFFF9, 0xE0001, 0xE0041, 0x2800})
    void refuses_control_bidirectional_and_invisible_characters_in_a_single_line(int character) {
        String name = "Anna" + Character.toString(character) + "Schmidt";

        assertThat(TextRules.isPlainLine(name)).isFalse();
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> TextRules.check("name", name, 100))
                .satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("name");
                    assertThat(refusal.messageKey()).isEqualTo("validation.hidden-characters");
                });
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> TextRules.required("name", name, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bäckerei Sonnenschein", "Åsa Ødegård", "Zoë O'Brien-Łukasz", "Ελληνικά", "Кирилл",
        "שלום עולם", "مرحبا بالعالم", "日本語の会社", "Bäckerei 🥐", "Team 👩‍💻 Nord", "Familie 👨‍👩‍👧",
        "Flagge 🏳️‍🌈", "Daumen 👍🏽", "A\u00A0B (no-break space)", "Robert'); DROP TABLE organization;--",
        "50% & mehr", "C:\\Programme", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void accepts_ordinary_text_in_any_script_with_emoji_and_punctuation(String text) {
        assertThat(TextRules.isPlainLine(text)).isTrue();
        assertThat(TextRules.check("name", text, 100)).isEqualTo(text.strip());
    }

    @Test
    void a_letter_under_dozens_of_stacked_accents_is_refused_but_the_marks_of_real_spellings_pass() {
        assertThat(TextRules.isPlainLine("Nguy\u00EA\u0303n Th\u1ECB")).isTrue();
        assertThat(TextRules.isPlainLine("e" + "\u0301".repeat(6))).isTrue();
        assertThat(TextRules.isPlainLine("Anna" + "\u0301\u0300\u0308".repeat(17) + "Schmidt")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u200Db", "\u200D👩", "👩\u200D", "👩\u200D\u200D💻", "1\u200D2"})
    void refuses_a_zero_width_joiner_that_joins_no_two_pictographs(String text) {
        assertThat(TextRules.isPlainLine(text)).isFalse();
    }

    @Test
    void multi_line_text_keeps_line_breaks_and_tabs_but_refuses_everything_else_hidden() {
        assertThat(TextRules.checkMultiLine("body", "Hello,\n\tthe maintenance\r\nstarts at 22:00 <UTC>.", 500))
                .isEqualTo("Hello,\n\tthe maintenance\r\nstarts at 22:00 <UTC>.");
        for (String hidden : new String[] {"a\rb", "a\u0000b", "a\u000Bb", "a\u202Eb", "a\u2028b", "a\u200Bb",
            "a\u0085b"}) {
            assertThatExceptionOfType(InvalidInput.class).as(hidden)
                    .isThrownBy(() -> TextRules.checkMultiLine("body", hidden, 500))
                    .satisfies(refusal -> assertThat(refusal.messageKey())
                            .isEqualTo("validation.hidden-characters-multi-line"));
        }
    }

    @Test
    void trims_surrounding_white_space_before_judging_and_checks_length_and_markup_first() {
        assertThat(TextRules.check("name", " \n Anna \t", 100)).isEqualTo("Anna");
        assertThat(TextRules.check("name", "\n", 100)).isNull();
        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> TextRules.check("name", "x\u202E".repeat(10_000), 100))
                .satisfies(refusal -> assertThat(refusal.messageKey()).isEqualTo("validation.too-long"));
        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> TextRules.check("name", "<b>\u202E</b>", 100))
                .satisfies(refusal -> assertThat(refusal.messageKey()).isEqualTo("validation.no-markup"));
    }

    @Test
    void a_phone_number_with_a_hidden_character_is_refused_although_the_parser_would_skip_it() {
        assertThat(PhoneNumbers.normalize("phone", "+49 5251 123456")).contains("+495251123456");
        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> PhoneNumbers.normalize("phone", "+49 5251 123456\u202E"))
                .satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("phone");
                    assertThat(refusal.messageKey()).isEqualTo("validation.hidden-characters");
                });
        assertThat(PhoneNumbers.searchForm("+49 5251\u0000 123456")).isEmpty();
    }

    @Test
    void what_someone_typed_is_recorded_with_its_hidden_characters_spelt_out() {
        assertThat(TextRules.spelledOut("anna@example.test")).isEqualTo("anna@example.test");
        assertThat(TextRules.spelledOut("anna\u0000@exa\u202Emple.test\n"))
                .isEqualTo("anna\\u0000@exa\\u202Emple.test\\u000A");
        assertThat(TextRules.spelledOut(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Free prize at https://evil.test", "Eve www.evil.test", "eve@evil.test",
            "Eve \uFF20evil.test", "Eve hxxps\uFF1A//evil.test", "Eve \uFF57\uFF57\uFF57.evil.test",
            "Eve evil.test/login", "Eve kontor-login.com/reset", "Eve https:/ /evil.test",
            "Acme evil.test:8080/login", "Acme evil.test:8080", "Acme evil.xn--p1ai/login", "Acme evil.test?login", "Acme evil.test#login",
            "https:\\\\evil.test\\login", "Acme evil.test\\login", "www\u3002evil\u3002test/login",
            "Acme evil\u3002test/login", "Acme evil\uFF61test/login", "Acme evil\uFF0Etest/login",
            "evil.test./login", "10.0.0.1/login", "Acme 192.168.1.1:8080", "Acme [::1]:80/x", "http:evil.test",
            "Acme evil.test\u2215login", "Acme evil.test\u2044login", "Acme evil_.com/x", "Acme evil-.com/x",
            "Javascript : alert(1)"})
    void a_name_that_reads_as_a_link_is_refused_also_in_wide_letters_or_without_a_scheme(String name) {
        assertThat(TextRules.looksLikeAddress(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dr. Anna Becker", "Anna-Lena Müller-Lüdenscheidt", "J. R. R. Tolkien",
            "Müller/Schmidt", "O'Brien", "web.de GmbH", "Dr.Schmidt", "Müller GmbH & Co.KG / Filiale Nord",
            "Shop24.de: Versand", "Amazon.com, Inc.", "Ticket 4711: Drucker", "Data: Sicherung", "Version 1.2.3.4",
            "Elektro G.m.b.H. / Süd", "1&1 Internet SE"})
    void an_ordinary_name_is_no_address(String name) {
        assertThat(TextRules.looksLikeAddress(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT&T", "Shop24.de GmbH", "1&1 IONOS SE", "Amazon.com, Inc.", "Müller & Söhne KG",
            "Agentur 3/4 GmbH"})
    void an_ordinary_company_name_passes(String name) {
        assertThat(TextRules.organizationName("name", name, 200)).isEqualTo(name);
        assertThat(TextRules.optionalName("senderName", name, 200)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme https://evil.test/login", "Visit www.evil.test", "Acme evil.test/login",
            "Write to me@evil.test"})
    void an_organization_or_sender_name_that_reads_as_a_link_is_refused_at_its_field(String name) {
        for (var rule : List.<java.util.function.Supplier<String>>of(
                () -> TextRules.organizationName("companyName", name, 200),
                () -> TextRules.optionalName("companyName", name, 200))) {
            assertThatThrownBy(rule::get).isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                assertThat(refusal.field()).isEqualTo("companyName");
                assertThat(refusal.messageKey()).isEqualTo("validation.name-looks-like-address");
            });
        }
        assertThat(TextRules.optionalName("senderName", "  ", 200)).isNull();
    }
}
