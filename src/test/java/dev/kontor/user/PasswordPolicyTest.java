package dev.kontor.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The password rules agree with bcrypt, which reads at most 72 bytes: the policy counts bytes, not characters. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void a_long_ascii_password_beyond_72_bytes_is_refused_as_too_long() {
        String password = "blue harbour lanterns sing quietly while seven copper kettles hum along softly";

        assertThat(bytes(password)).isEqualTo(78);
        assertThat(policy.problemWith(password, List.of())).contains("password.too-long");
        assertThat(policy.problemWith("x7 ".repeat(43), List.of())).contains("password.too-long");
    }

    @Test
    void exactly_72_bytes_are_accepted_and_73_are_not() {
        String seventyTwo = "blue harbour lanterns sing quietly while seven copper kettles hum along!";
        String seventyThree = seventyTwo + "?";

        assertThat(bytes(seventyTwo)).isEqualTo(72);
        assertThat(policy.problemWith(seventyTwo, List.of())).isEmpty();
        assertThat(bytes(seventyThree)).isEqualTo(73);
        assertThat(policy.problemWith(seventyThree, List.of())).contains("password.too-long");
    }

    @Test
    void accented_letters_count_two_bytes_each() {
        // 36 characters, but 72 bytes: every letter is an ä, ö or ü; one more ä is 74 bytes
        String umlauts = "äöüäöüäöüäöüäöüäöüäöüäöüäöüäöüäöüäöü";
        String grüße = "Grüße über Äcker, Flüsse und Höhenzüge nach München";

        assertThat(umlauts).hasSize(36);
        assertThat(bytes(umlauts)).isEqualTo(72);
        assertThat(policy.problemWith(umlauts, List.of()).orElse("")).isNotEqualTo("password.too-long");
        assertThat(policy.problemWith(umlauts + "ä", List.of())).contains("password.too-long");
        assertThat(grüße.length()).isLessThan(PasswordPolicy.MAX_LENGTH);
        assertThat(policy.problemWith(grüße, List.of())).isEmpty();
        String longGrüße = "Grüße über Äcker, Flüsse und Höhenzüge nach München, zurück nach Köln";
        assertThat(longGrüße.length()).isLessThanOrEqualTo(PasswordPolicy.MAX_LENGTH);
        assertThat(bytes(longGrüße)).isGreaterThan(PasswordPolicy.MAX_BYTES);
        assertThat(policy.problemWith(longGrüße, List.of())).contains("password.too-long");
    }

    @Test
    void an_emoji_counts_four_bytes() {
        String base = "blue harbour lanterns sing quietly while seven copper kettles hum";
        assertThat(bytes(base)).isEqualTo(65);

        assertThat(policy.problemWith(base + " 🔑", List.of())).isEmpty();
        assertThat(bytes(base + " 🔑")).isEqualTo(70);
        assertThat(policy.problemWith(base + " 🔑🔑", List.of())).contains("password.too-long");
        assertThat((base + " 🔑🔑").length()).isLessThan(PasswordPolicy.MAX_LENGTH);
    }

    @Test
    void short_weak_and_personal_passwords_are_still_refused() {
        assertThat(policy.problemWith("short", List.of())).contains("password.too-short");
        assertThat(policy.problemWith("password1234", List.of())).contains("password.too-weak");
        assertThat(policy.problemWith("petra probe rocks 2026", List.of("Petra Probe"))).contains("password.personal");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
