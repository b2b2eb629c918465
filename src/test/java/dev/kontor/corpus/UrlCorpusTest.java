package dev.kontor.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.corpus.BadInputs.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bad-input corpus over HTTP, as a browser or a script sends it to the running server: token pages with forged
 * and malformed tokens, and addresses with tampered ids, encodings and junk. None gets a 5xx answer, a stack trace
 * or markup built from the address; a page that needs a sign-in redirects to the sign-in page on the same server;
 * what the server itself refuses (a malformed path) gets a 4xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kontor.demo-data.enabled=true")
@ActiveProfiles("test")
class UrlCorpusTest {

    private static int tried;
    private static final Map<Integer, Integer> STATUSES = new java.util.TreeMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static Stream<String> paths() {
        List<String> tokens = List.of("forged-token", "A".repeat(43), "x".repeat(6_000),
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%20'1'='1", "..%2F..%2Fetc%2Fpasswd", "%00", "%0d%0aSet-Cookie:%20x=1",
                "%E2%80%AEreversed", "%F0%9F%A5%90", ";jsessionid=forged");
        List<String> paths = new ArrayList<>();
        for (String token : tokens) {
            paths.add("/invitation/" + token);
            paths.add("/partner-request/" + token);
            paths.add("/partner-request/" + token + "/sign-in");
            paths.add("/contact-email/" + token);
            paths.add("/sign-in/unlock/" + token);
        }
        for (String id : List.of("CN-10001", "CN-abc", "CN-99999999999999999999", "CN--1", "CN-0", "%00",
                "CN-10001%0A", "%3Cscript%3E", "..%2F..%2F", "CN-" + "9".repeat(5_000))) {
            paths.add("/accounts/" + id);
            paths.add("/access/" + id);
        }
        for (String id : List.of("abc", "-1", "99999999999999999999", "1;DROP%20TABLE%20tenant")) {
            paths.add("/tenant/" + id);
        }
        paths.addAll(List.of("/login?error=%3Cscript%3E", "/login?continue=https://evil.test/", "/?v-r=junk",
                "/VAADIN/..%2F..%2Fapplication.properties", "/VAADIN/dynamic/resource/0/forged/logo.svg",
                "/VAADIN/dynamic/resource/-1/99999999999999999999/x", "/?v-r=upload&v-uiId=0&v-secKey=forged"));
        return paths.stream();
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("paths")
    void a_forged_or_tampered_address_gets_no_server_error_no_stack_trace_and_changes_nothing(String path)
            throws Exception {
        tried++;
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        HttpResponse<String> response;
        try (LogCapture log = new LogCapture()) {
            response = get(path);
            assertThat(log.aboveWarn()).as("log above WARN for " + path).isEmpty();
        }

        int status = response.statusCode();
        STATUSES.merge(status, 1, Integer::sum);
        assertThat(status).as("status of " + path).isLessThan(500);
        assertThat(status).as("status of " + path).isIn(200, 302, 400, 401, 403, 404, 410);
        if (status == 302) {
            URI target = URI.create("http://localhost:" + port).resolve(
                    response.headers().firstValue("Location").orElseThrow());
            assertThat(target.getHost()).isEqualTo("localhost");
            // the session id in the address is issue 12's hole 7, closed with the session settings, not here
            assertThat(target.getPath().replaceFirst(";jsessionid=[0-9A-F]+$", "")).isEqualTo("/login");
        }
        if (isTokenPage(path)) {
            // the firewall refuses an encoded slash (400); a line break or a path parameter leaves no token the route
            // could read, so the address is no token page and sends to the sign-in (302); any other token is unknown
            assertThat(status).as("status of " + path).isIn(302, 400, 404);
        }
        String body = response.body();
        assertThat(body).as("body of " + path).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("<script>alert").doesNotContain("Set-Cookie: x=1");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("x="));
        assertThat(BadInputs.snapshot(jdbc)).as("rows and versions after " + path).isEqualTo(before);
    }

    static Stream<String> forgedTokenPages() {
        return Stream.of("forged-token", "A".repeat(43), "x".repeat(6_000), "%3Cscript%3Ealert(1)%3C",
                "'%20OR%20'1'='1", "%E2%80%AEreversed", "%F0%9F%A5%90").flatMap(token -> Stream.of(
                "/invitation/", "/partner-request/", "/contact-email/", "/sign-in/unlock/").map(page -> page + token));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("forgedTokenPages")
    void a_forged_token_page_answers_404_with_the_vaadin_page_and_no_stack_trace(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).as("status of " + path).isEqualTo(404);
        assertThat(response.body()).as("body of " + path).contains("<html").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private static boolean isTokenPage(String path) {
        return path.matches("/(invitation|partner-request|contact-email|sign-in/unlock)/[^/]+");
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @AfterAll
    static void count() {
        BadInputs.report("addresses over HTTP", tried);
        org.slf4j.LoggerFactory.getLogger(UrlCorpusTest.class).info("BAD INPUT CORPUS over HTTP, answers by status: {}",
                STATUSES);
    }
}
