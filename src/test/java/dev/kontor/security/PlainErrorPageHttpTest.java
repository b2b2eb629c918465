package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.HttpSignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An address refused before any page sees it, by Spring Security's firewall (a path parameter) or by Tomcat itself (an
 * encoded NUL byte), is answered 400 with Kontor's own plain page in the asker's language, with a way to the start
 * page: never Spring's whitelabel page or Tomcat's report, no server name, no time stamp.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kontor.demo-data.enabled=true")
@ActiveProfiles("test")
class PlainErrorPageHttpTest {


    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_path_parameter_the_firewall_refuses_gets_kontors_page_signed_in_or_not() throws Exception {
        String anna = signIn(DemoPeople.ANNA);
        for (String cookie : new String[] {anna, null}) {
            assertPlainPage(get("/tenant/4;x=1", cookie, "de-DE,de;q=0.9"), "de");
            assertPlainPage(get("/tenant/4;x=1", cookie, "en-GB"), "en");
            assertPlainPage(get("/tenant/4;x=1", cookie, null), "en");
        }
    }

    @Test
    void an_address_tomcat_refuses_gets_kontors_page_in_the_askers_language() throws Exception {
        String anna = signIn(DemoPeople.ANNA);
        for (String cookie : new String[] {null, anna}) {
            assertPlainPage(get("/accounts/CN-10001%00", cookie, "de-DE,de;q=0.9"), "de");
            assertPlainPage(get("/accounts/CN-10001%00", cookie, "en-US"), "en");
            assertPlainPage(get("/accounts/CN-10001%00", cookie, null), "en");
        }
    }

    @Test
    void under_the_api_a_refused_address_stays_a_problem() throws Exception {
        HttpResponse<String> firewall = get("/api/v1/accounts;x=1", null, "de");
        assertThat(firewall.statusCode()).isEqualTo(400);
        assertThat(firewall.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(firewall.body()).contains("\"status\":400").contains("Fehlerhafte Anfrage")
                .doesNotContain("timestamp");

        HttpResponse<String> tomcat = get("/api/v1/accounts%00", null, null);
        assertThat(tomcat.statusCode()).isEqualTo(400);
        assertThat(tomcat.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
    }

    private static void assertPlainPage(HttpResponse<String> response, String language) {
        String path = response.uri().getRawPath();
        String body = response.body();
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(body).as("body of " + path).doesNotContain("Whitelabel").doesNotContain("Apache Tomcat")
                .doesNotContain("HTTP Status").doesNotContain("timestamp").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("Bad Request")
                .contains("<html lang=\"" + language + "\"").contains("href=\"/\"");
        if (language.equals("de")) {
            assertThat(body).contains("Adresse nicht lesbar").contains("Zur Startseite");
        } else {
            assertThat(body).contains("Unreadable address").contains("To the start page");
        }
        assertThat(body).doesNotContainPattern("20[0-9]{2}-[0-9]{2}-[0-9]{2}");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    private HttpResponse<String> get(String path, String cookie, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(String email) throws Exception {
        return HttpSignIn.cookies(client, port, email, "");
    }
}
