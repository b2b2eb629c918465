package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The isolation matrix's routes for a visitor who is not signed in, over HTTP as a browser asks: every address with an
 * id (the demo data's own, unknown, negative, huge, malformed) sends them to sign in and shows nothing of the account.
 * The addresses with a link token are open to visitors by design; {@link IsolationMatrixTest} tries forged tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kontor.demo-data.enabled=true")
@ActiveProfiles("test")
class IsolationMatrixHttpTest {

    /** What the demo's first account and its tenant are called; none of it may reach a visitor. */
    private static final List<String> DEMO_SECRETS = List.of("Bäckerei Sonnenschein", "Sonnenschein Filiale Nord",
            "Anna Becker", "anna@sonnenschein.test", "Ben Schulz", "Tom Tanner", "Sonnenallee");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_visitor_who_is_not_signed_in_is_sent_to_sign_in_from_every_address_with_an_id() throws Exception {
        long tenant = jdbc.queryForObject("select id from organization where name = 'Sonnenschein Filiale Nord'",
                Long.class);
        List<String> problems = new ArrayList<>();
        int attempts = 0;
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            for (RouteMatrix.Route route : RouteMatrix.routes()) {
                if (route.token()) {
                    continue;
                }
                for (IdVariant variant : route.variants()) {
                    String path = "/" + route.location().apply(Targets.demo(variant, tenant, "CN-10001"));
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    attempts++;
                    String location = response.headers().firstValue("Location").orElse("");
                    if (response.statusCode() / 100 != 3 || !location.endsWith("/login")) {
                        problems.add(path + ": " + response.statusCode() + " " + location);
                    }
                    DEMO_SECRETS.stream().filter(response.body()::contains)
                            .forEach(secret -> problems.add(path + " shows " + secret));
                }
            }
        }
        System.out.println("ISOLATION MATRIX OVER HTTP: " + attempts + " attempts without sign-in");
        assertThat(problems).isEmpty();
        assertThat(attempts).isGreaterThanOrEqualTo(20);
    }
}
