package dev.kontor.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Over HTTP, as a browser asks: with the demo data on, the demo mailbox is open to anybody. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kontor.demo-data.enabled=true")
@ActiveProfiles("test")
class DevMailboxRouteTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    @Test
    void a_visitor_who_is_not_signed_in_gets_the_demo_mailbox() throws Exception {
        HttpResponse<String> response = get(port, "/dev/mailbox");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(routes(servletContext).getNavigationTarget("dev/mailbox")).contains(DevMailboxView.class);
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    static ApplicationRouteRegistry routes(ServletContext servletContext) {
        return ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
    }
}
