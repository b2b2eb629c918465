package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
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
class NodeRouteHttpTest {

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

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (cookie != null) {
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
