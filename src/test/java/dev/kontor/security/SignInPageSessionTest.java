package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A session nobody has signed in to (the sign-in page, and the one a person lands in after signing out) ends sooner
 * than a signed-in person's, so that the pages people leave behind do not hold memory for half an hour; signing in
 * gives the session the full timeout. A sign-in whose page outlived its session is sent back to sign in with the
 * reason, not silently.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SignInPageSessionTest {

    private static final String ADDRESS = "10.30.0.";

    @Autowired
    MockMvc mvc;

    @Test
    void a_session_nobody_signed_in_to_ends_after_the_sign_in_page_timeout() throws Exception {
        MockHttpSession browser = new MockHttpSession();

        mvc.perform(get("/login").session(browser));

        assertThat(browser.getMaxInactiveInterval()).isEqualTo(SessionTimeouts.DEFAULT_SIGN_IN_PAGE_TIMEOUT_SECONDS);
    }

    @Test
    void the_sign_in_page_timeout_outlasts_two_of_vaadins_heartbeats() {
        assertThat(SessionTimeouts.DEFAULT_SIGN_IN_PAGE_TIMEOUT_SECONDS).isGreaterThan(2 * 5 * 60);
    }

    @Test
    void signing_in_gives_the_session_the_full_timeout() throws Exception {
        MockHttpSession browser = new MockHttpSession();
        mvc.perform(get("/login").session(browser));

        mvc.perform(post("/login").session(browser).with(csrf()).with(from(ADDRESS + "1"))
                        .param("username", DemoPeople.ANNA).param("password", DemoPeople.PASSWORD))
                .andExpect(authenticated());

        assertThat(browser.getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void a_failed_sign_in_keeps_the_short_timeout() throws Exception {
        MockHttpSession browser = new MockHttpSession();

        mvc.perform(post("/login").session(browser).with(csrf()).with(from(ADDRESS + "2"))
                        .param("username", DemoPeople.ANNA).param("password", "not the password"))
                .andExpect(unauthenticated());

        assertThat(browser.getMaxInactiveInterval()).isEqualTo(SessionTimeouts.DEFAULT_SIGN_IN_PAGE_TIMEOUT_SECONDS);
    }

    @Test
    void a_sign_in_from_a_page_whose_session_ended_is_sent_back_with_the_reason() throws Exception {
        // the browser's token belonged to a session that timed out: the post arrives with none the server knows
        mvc.perform(post("/login").with(from(ADDRESS + "3"))
                        .param("username", DemoPeople.ANNA).param("password", DemoPeople.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void a_forged_token_signs_nobody_in() throws Exception {
        mvc.perform(post("/login").with(csrf().useInvalidToken()).with(from(ADDRESS + "4"))
                        .param("username", DemoPeople.ANNA).param("password", DemoPeople.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?expired"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
