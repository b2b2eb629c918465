package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page names Kontor's icon, and the address browsers and bookmark tools ask for on their own answers too: a
 * missing icon cost every page a failed request in the browser's console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AppIconHttpTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void pages_name_the_icon_in_their_head() throws Exception {
        String page = get("/login").body();

        assertThat(page).containsPattern("<link(?=[^>]*rel=\"icon\")[^>]*href=\"[^\"]*icons/kontor\\.svg\"");
    }

    @Test
    void the_icon_files_are_served_to_anyone() throws Exception {
        for (String path : new String[] {"/icons/kontor.svg", "/icons/kontor-32.png", "/favicon.ico"}) {
            HttpResponse<String> icon = get(path);

            assertThat(icon.statusCode()).as(path).isEqualTo(200);
            assertThat(icon.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).startsWith("image/"));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
