package dev.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.partner.TestRequests;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The limit per client address is for guessing, not for working: someone sending forged tokens from the address an
 * integration shares (a CRM host, a NAT, a cloud's egress) slows down the guesses, never the valid tokens, which
 * only their own limit holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kontor.api.requests-per-token=100", "kontor.api.failures-per-address=3"})
@ActiveProfiles("test")
@Import({TestClock.class, Fixtures.class, Outbox.class, TestRequests.class})
class ApiAddressLimitHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void forged_tokens_from_an_address_are_slowed_down_but_a_valid_token_from_it_still_works() throws Exception {
        TestPartner partner = fixtures.partner("Shared address");
        IssuedToken valid = fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(), "CRM", ApiScope.READ,
                LocalDate.now(ZoneOffset.UTC).plusDays(30), java.time.ZoneOffset.UTC));

        int status = 0;
        for (int attempt = 1; attempt <= 6 && status != 429; attempt++) {
            status = get("kontor_forged" + attempt).statusCode();
        }

        assertThat(status).as("guessing from the address is slowed down").isEqualTo(429);
        assertThat(get(valid.secret()).statusCode()).as("the integration's own token").isEqualTo(200);
        assertThat(get("kontor_forged-again").statusCode()).as("and guessing stays slowed down").isEqualTo(429);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/partner/customers"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
