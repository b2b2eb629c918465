package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import dev.kontor.testing.DemoPeople;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A node behind a load balancer (here "node2"), asked over HTTP as a browser would: its session ids name it, and a
 * browser that comes with the session of another node (which went down) is sent to sign in with the reason and back
 * to its page afterwards, while a browser whose own session merely ended gets the usual sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kontor.node.route=node2")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class NodeRouteHttpTest {

    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void the_session_id_names_the_node_that_holds_the_session() throws Exception {
        HttpResponse<String> page = get("/login", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(sessionCookies(page)).singleElement().asString().matches("JSESSIONID=[0-9A-F]+\\.node2;.*");
    }

    @Test
    void a_browser_of_a_node_that_went_down_is_sent_to_sign_in_with_the_reason_and_gets_a_session_here()
            throws Exception {
        HttpResponse<String> page = get("/accounts/CN-10001", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF.node1");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?server-changed");
        // the page is remembered for after the sign-in, in a session of this node, which replaces the lost one
        assertThat(sessionCookies(page)).singleElement().asString().matches("JSESSIONID=[0-9A-F]+\\.node2;.*");
    }

    @Test
    void a_browser_whose_own_session_ended_here_gets_the_usual_sign_in() throws Exception {
        HttpResponse<String> page = get("/accounts/CN-10001", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF.node2");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void vaadins_own_requests_and_files_are_left_to_vaadin() throws Exception {
        HttpResponse<String> uidl = http.send(HttpRequest.newBuilder(URI.create(url("/?v-r=uidl&v-uiId=0")))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF.node1")
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(uidl.headers().firstValue("Location").orElse("")).doesNotContain("server-changed");
    }

    @Test
    void a_vaadin_request_of_a_node_that_went_down_makes_the_next_page_say_that_the_server_changed()
            throws Exception {
        // Vaadin's reconnect lands here first, and may get a session of this node in place of the lost one
        HttpResponse<String> uidl = http.send(HttpRequest.newBuilder(URI.create(url("/?v-r=uidl&v-uiId=0")))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF.node1")
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> page = get("/accounts/CN-10001", cookiesOf(uidl, "JSESSIONID=ABCDEF.node2"));

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?server-changed");
        // said once: the sign-in page after it is the usual one
        HttpResponse<String> later = get("/accounts/CN-10001", cookiesOf(page, cookiesOf(uidl, "")));
        assertThat(later.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void a_push_reconnect_of_a_node_that_went_down_makes_the_sign_in_page_say_that_the_server_changed()
            throws Exception {
        HttpResponse<String> push = http.send(HttpRequest.newBuilder(URI.create(url(
                        "/VAADIN/push?v-r=push&v-uiId=0&X-Atmosphere-tracking-id=0&X-Atmosphere-Transport=long-polling")))
                .GET()
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF.node1")
                .header("X-Atmosphere-Transport", "long-polling").build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> signIn = get("/login", cookiesOf(push, ""));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/login?server-changed");
        // the marker says nothing about the lost session
        assertThat(push.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("0123456789ABCDEF"));
    }

    @Test
    void after_a_server_change_the_saved_page_is_kept_only_for_the_person_who_was_on_it() throws Exception {
        Cookie[] annasBrowser = mvc.perform(formLogin("/login").user(DemoPeople.ANNA).password(DemoPeople.PASSWORD))
                .andExpect(authenticated()).andReturn().getResponse().getCookies();

        assertThat(landingAfterServerChange(annasBrowser, DemoPeople.ANNA)).startsWith("/accounts/CN-10001");
        // the next person on the same browser starts on their own start page: no "Access denied", no audit entry
        // of an attempt they never made, and nothing of which customer the previous person had open
        assertThat(landingAfterServerChange(annasBrowser, DemoPeople.BEN)).isEqualTo("/");
        // the cookie that tells them apart names nobody
        assertThat(annasBrowser).noneMatch(c -> c.getValue().toLowerCase(Locale.ROOT).contains("anna"));
    }

    @Test
    void after_a_server_change_a_browser_where_nobody_signed_in_keeps_its_saved_page() throws Exception {
        assertThat(landingAfterServerChange(new Cookie[0], DemoPeople.BEN)).startsWith("/accounts/CN-10001");
    }

    private String landingAfterServerChange(Cookie[] browser, String signingIn) throws Exception {
        MockHttpServletRequestBuilder page = MockMvcRequestBuilders.get("/accounts/CN-10001")
                .accept(MediaType.TEXT_HTML)
                .with(request -> {
                    request.setRequestedSessionId("0123456789ABCDEF0123456789ABCDEF.node1");
                    request.setRequestedSessionIdValid(false);
                    return request;
                });
        if (browser.length > 0) {
            page.cookie(browser);
        }
        MvcResult arrived = mvc.perform(page).andExpect(redirectedUrl("/login?server-changed")).andReturn();
        MockHttpSession session = (MockHttpSession) arrived.getRequest().getSession(false);
        MockHttpServletRequestBuilder signIn = post("/login").param("username", signingIn)
                .param("password", DemoPeople.PASSWORD).session(session).with(csrf());
        if (browser.length > 0) {
            signIn.cookie(browser);
        }
        return mvc.perform(signIn).andExpect(authenticated()).andReturn().getResponse().getRedirectedUrl();
    }

    /** The cookies a browser would send after {@code response}, on top of {@code earlier} ("a=1; b=2"). */
    private static String cookiesOf(HttpResponse<String> response, String earlier) {
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
        for (String cookie : earlier.split(";\\s*")) {
            if (cookie.contains("=")) {
                jar.put(cookie.substring(0, cookie.indexOf('=')), cookie.substring(cookie.indexOf('=') + 1));
            }
        }
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (cookie != null && !cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> sessionCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
