package dev.kontor.security;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.TenantProvisioning;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The isolation matrix's routes for a visitor who is not signed in, over HTTP as a browser asks: every address with an
 * id (a real account's and tenant's, unknown, negative, huge, malformed) sends them to sign in and shows nothing of
 * the account.
 * The addresses with a link token are open to visitors by design; {@link IsolationMatrixTest} tries forged tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kontor.demo-data.enabled=true")
@ActiveProfiles("test")
class IsolationMatrixHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    TenantProvisioning tenants;

    @Test
    void a_visitor_who_is_not_signed_in_is_sent_to_sign_in_from_every_address_with_an_id() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = List.of("Guarded Customer " + tag, "Guarded Tenant " + tag);
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), secrets.getFirst(),
                onboarding.createProvider(TestTasks.setUp(), "Guarded Provider " + tag).getId());
        long tenant = tenants.importTenant(TestTasks.setUp(), customer.getId(), secrets.getLast(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        String number = customer.getCustomerNumber().orElseThrow().value();
        List<String> problems = new ArrayList<>();
        int attempts = 0;
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            for (RouteMatrix.Route route : RouteMatrix.routes()) {
                if (route.token()) {
                    continue;
                }
                for (IdVariant variant : route.variants()) {
                    String path = "/" + route.location().apply(Targets.demo(variant, tenant, number));
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    attempts++;
                    String location = response.headers().firstValue("Location").orElse("");
                    if (response.statusCode() / 100 != 3 || !location.endsWith("/login")) {
                        problems.add(path + ": " + response.statusCode() + " " + location);
                    }
                    secrets.stream().filter(response.body()::contains)
                            .forEach(secret -> problems.add(path + " shows " + secret));
                }
            }
        }
        System.out.println("ISOLATION MATRIX OVER HTTP: " + attempts + " attempts without sign-in");
        assertThat(problems).isEmpty();
        assertThat(attempts).isGreaterThanOrEqualTo(20);
    }
}
