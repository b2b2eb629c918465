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
}
