package dev.kontor.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void is_stored_trimmed_and_lower_case() {
        assertThat(new EmailAddress("  Anna@Sonnenschein.TEST ").value()).isEqualTo("anna@sonnenschein.test");
    }

    @Test
    void refuses_malformed_addresses_and_markup() {
        for (String bad : new String[] {"", "anna", "anna@", "@test.de", "anna@localhost", "a b@test.de",
                "<script>@x.de", "anna@exa mple.de", "x".repeat(250) + "@a.de"}) {
            assertThat(EmailAddress.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> new EmailAddress("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_control_bidirectional_and_invisible_characters_that_would_make_a_look_alike_address() {
        for (String bad : new String[] {"anna\u0000@test.de", "anna\u0007@test.de", "anna\u007F@test.de",
                "anna\u0085@test.de", "anna\u202E@test.de", "\u202Danna@test.de", "anna\u2066@test.de",
                "an\u200Bna@test.de", "an\u200Ena@test.de", "\uFEFFanna@test.de", "anna\u00AD@test.de",
                "anna\u2028@test.de"}) {
            assertThat(EmailAddress.isValid(bad)).as(bad).isFalse();
        }
        assertThat(EmailAddress.isValid("jürgen.müller@test.de")).isTrue();
    }
}
