package dev.kontor.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.account.ManagerService;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first answer to an invitation address over real HTTP: its status tells what the link is worth (200 open,
 * 410 used or expired, 404 unknown) while the page served is the same Vaadin page, which shows the closed link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClock.class, Fixtures.class, Outbox.class})
class InvitationLinkStatusHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagerService managers;

    @Autowired
    InvitationService invitations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_open_invitation_answers_200() throws Exception {
        String token = invite();

        HttpResponse<String> page = get("/invitation/" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(invitations.preview(token).state()).as("opening the page uses nothing up")
                .isEqualTo(InvitationState.OPEN);
    }

    @Test
    void a_used_invitation_answers_410_gone_with_the_same_page() throws Exception {
        String token = invite();
        String openPage = get("/invitation/" + token).body();
        invitations.accept(token, "blue harbour lanterns sing quietly");

        HttpResponse<String> page = get("/invitation/" + token);

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(withoutSecrets(page.body())).isEqualTo(withoutSecrets(openPage));
    }

    @Test
    void an_expired_invitation_answers_410_gone() throws Exception {
        String token = invite();
        clock.advance(Duration.ofDays(8));

        assertThat(get("/invitation/" + token).statusCode()).isEqualTo(410);
    }

    @Test
    void a_forged_invitation_answers_404_like_a_mistyped_one_with_the_same_page() throws Exception {
        String openPage = get("/invitation/" + invite()).body();

        HttpResponse<String> forged = get("/invitation/" + "A".repeat(43));
        HttpResponse<String> mistyped = get("/invitation/not-a-token");

        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(mistyped.statusCode()).isEqualTo(404);
        assertThat(withoutSecrets(forged.body())).isEqualTo(withoutSecrets(openPage));
        assertThat(forged.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * The router hands the page its token as the address spells it, still encoded, so an open token with a letter
     * written as {@code %41} is a token nobody was given: the page shows an unknown link, and the answer says 404.
     */
    @Test
    void an_open_token_spelled_with_an_encoded_letter_answers_404_as_the_unknown_link_it_shows() throws Exception {
        String token = invite();
        String spelledEncoded = "%" + Integer.toHexString(token.charAt(0)).toUpperCase(Locale.ROOT)
                + token.substring(1);

        assertThat(get("/invitation/" + spelledEncoded).statusCode()).isEqualTo(404);
        assertThat(get("/invitation/" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void the_pages_own_requests_and_other_addresses_keep_their_status() throws Exception {
        assertThat(get("/invitation/" + "A".repeat(43) + "/sign-in").statusCode()).isNotIn(404, 410);
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    private String invite() {
        TestAccount account = fixtures.account("Alice");
        String email = "petra-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Petra Probe",
                Locale.ENGLISH));
        return outbox.invitationTokenFor(email);
    }

    /** The page without what differs from answer to answer anyway (the CSRF token, session-bound ids). */
    private static String withoutSecrets(String body) {
        return body.replaceAll("content=\"[^\"]*\"", "content=\"\"").replaceAll("\"[0-9a-f-]{36}\"", "\"\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
