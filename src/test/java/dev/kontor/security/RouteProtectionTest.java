package dev.kontor.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class RouteProtectionTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_health_endpoint_is_open_and_says_only_up_or_down() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}"));
    }

    @Test
    void other_actuator_endpoints_are_neither_exposed_nor_open() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/beans")).andExpect(status().is3xxRedirection());
    }

    @Test
    void a_signed_out_visitor_is_sent_to_sign_in() throws Exception {
        mvc.perform(get("/some/unknown/page")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void a_sign_in_posted_without_the_csrf_token_as_from_another_site_is_refused_and_signs_nobody_in()
            throws Exception {
        // answered as a failed sign-in is (back to the sign-in page, with the reason a real page would have had)
        mvc.perform(post("/login").param("username", DemoPeople.BEN).param("password", DemoPeople.PASSWORD))
                .andExpect(redirectedUrl(SignInPageExpired.SIGN_IN))
                .andExpect(unauthenticated());
    }

    @Test
    void a_sign_in_posted_with_a_forged_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/login").param("username", DemoPeople.BEN).param("password", DemoPeople.PASSWORD)
                        .with(csrf().useInvalidToken()))
                .andExpect(redirectedUrl(SignInPageExpired.SIGN_IN))
                .andExpect(unauthenticated());
    }

    @Test
    void a_sign_in_posted_with_the_csrf_token_of_the_page_signs_in() throws Exception {
        mvc.perform(post("/login").param("username", DemoPeople.BEN).param("password", DemoPeople.PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(DemoPeople.BEN));
    }

    @Test
    void the_sign_in_redirect_is_a_path_whatever_host_the_request_names() throws Exception {
        mvc.perform(get("/some/unknown/page").header("Host", "attacker.example"))
                .andExpect(redirectedUrl("/login"));
    }
}
