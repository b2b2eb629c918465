package dev.kontor.mail.ui;

import static dev.kontor.mail.ui.DevMailboxRouteTest.get;
import static dev.kontor.mail.ui.DevMailboxRouteTest.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.mail.DevMailbox;
import jakarta.servlet.ServletContext;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** Over HTTP, as a browser asks: with the demo data off (as in production), there is no demo mailbox at all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kontor.demo-data.enabled=false")
@ActiveProfiles("test")
class DevMailboxAbsentTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    @Autowired
    ApplicationContext context;

    @Test
    void there_is_no_demo_mailbox_and_no_way_to_read_the_outbox() throws Exception {
        HttpResponse<String> response = get(port, "/dev/mailbox");

        assertThat(response.statusCode()).as("like any unknown address").isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(routes(servletContext).getNavigationTarget("dev/mailbox")).isEmpty();
        assertThat(context.getBeanNamesForType(DevMailbox.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevMailboxRoute.class)).isEmpty();
    }
}
