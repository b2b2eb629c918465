package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginRedirectsTest {

    @Test
    void an_address_built_from_a_forged_host_header_keeps_only_its_path_and_query() {
        assertThat(SameOriginRedirects.pathOf("", "http://attacker.example/no/such/page?continue"))
                .isEqualTo("/no/such/page?continue");
        assertThat(SameOriginRedirects.pathOf("", "https://attacker.example:8443/")).isEqualTo("/");
        assertThat(SameOriginRedirects.pathOf("", "http://attacker.example")).isEqualTo("/");
    }

    @Test
    void a_path_stays_a_path_below_the_application() {
        assertThat(SameOriginRedirects.pathOf("", "/login?error")).isEqualTo("/login?error");
        assertThat(SameOriginRedirects.pathOf("", "login")).isEqualTo("/login");
        assertThat(SameOriginRedirects.pathOf("/kontor", "/login")).isEqualTo("/kontor/login");
    }

    @Test
    void a_path_that_a_browser_would_read_as_another_host_does_not_leave_kontor() {
        assertThat(SameOriginRedirects.pathOf("", "//attacker.example/x")).doesNotStartWith("//");
        assertThat(SameOriginRedirects.pathOf("", "http://kontor.test//attacker.example/x"))
                .isEqualTo("/attacker.example/x");
        assertThat(SameOriginRedirects.pathOf("", "http://[broken")).isEqualTo("/");
    }
}
