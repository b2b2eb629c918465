package dev.kontor.api;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.RelationshipAnswers;
import dev.kontor.partner.TestRequests;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's contract over real HTTP (so that Vaadin's servlet is in the way as in production): who gets in with which
 * token, what a refusal looks like, paging, limits. Each test makes its own partner, customers and tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kontor.api.requests-per-token=8", "kontor.api.failures-per-address=1000",
                "kontor.invitation.answer-time=250ms"})
@ActiveProfiles("test")
@Import({TestClock.class, Fixtures.class, Outbox.class, TestRequests.class})
class ApiContractHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestRequests requests;

    @Autowired
    dev.kontor.partner.PartnerProvisioning partnerProvisioning;

    @Autowired
    RelationshipAnswers answers;

    @Autowired
    ApiTokens tokens;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    MutableClock clock;

    @Autowired
    dev.kontor.access.AccessPolicyService accessPolicies;

    @Autowired
    Outbox outbox;

    @Autowired
    dev.kontor.partner.PartnerService partners;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_request_without_a_token_is_answered_401_with_a_problem_detail() throws Exception {
        HttpResponse<String> response = get("/api/v1/partner/customers", null, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"kontor\"");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asString()).isEqualTo("Not authenticated");
        assertThat(problem.get("detail").asString()).contains("Bearer");
    }

    @Test
    void the_problem_speaks_german_when_the_client_asks_for_it() throws Exception {
        HttpResponse<String> response = get("/api/v1/partner/customers", null, Map.of("Accept-Language", "de-DE"));

        assertThat(JSON.readTree(response.body()).get("title").asString()).isEqualTo("Nicht angemeldet");
    }

    @Test
    void malformed_unknown_expired_and_revoked_tokens_are_all_answered_alike() throws Exception {
        TestPartner partner = fixtures.partner("Tokens");
        IssuedToken expiring = issue(partner, ApiScope.READ, today());
        IssuedToken revoked = issue(partner, ApiScope.READ, today().plusDays(30));
        fixtures.as(partner.legalEmail(), () -> tokens.revoke(partner.id(), revoked.token().id()));
        clock.advance(Duration.ofDays(2));

        for (String token : List.of("not a token", ApiTokens.PREFIX + "x".repeat(43), expiring.secret(),
                revoked.secret(), "Basic " + revoked.secret())) {
            HttpResponse<String> response = get("/api/v1/partner/customers", token, Map.of());
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("detail").asString())
                    .isEqualTo("Send a valid API token as Authorization: Bearer <token>. It may be missing, "
                            + "mistyped, expired or revoked.");
        }
    }

    @Test
    void a_partner_read_token_lists_the_managed_customers_with_the_rights_they_granted() throws Exception {
        TestPartner partner = fixtures.partner("Reader");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        HttpResponse<String> response = get("/api/v1/partner/customers", token.secret(), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode items = JSON.readTree(response.body()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("customerNumber").asString()).isEqualTo(customer.customerNumber());
        assertThat(items.get(0).get("grantedRights").toString()).contains("MANAGE_CONTACTS", "VIEW");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_suspended_customer_account_is_listed_with_its_own_state_beside_the_partnerships() throws Exception {
        TestPartner partner = fixtures.partner("Suspended");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.VIEW));
        jdbc.update("update organization set state = 'SUSPENDED' where id = ?", customer.id());
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        JsonNode item = JSON.readTree(get("/api/v1/partner/customers", token.secret(), Map.of()).body())
                .get("items").get(0);

        assertThat(item.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(item.get("accountState").asString()).isEqualTo("SUSPENDED");
    }

    @Test
    void a_partner_token_sees_only_its_own_partners_customers() throws Exception {
        TestPartner mine = fixtures.partner("Mine");
        TestPartner foreign = fixtures.partner("Foreign");
        customerOf(foreign, EnumSet.of(OrganizationRight.VIEW));
        IssuedToken token = issue(mine, ApiScope.WRITE, today().plusDays(30));

        HttpResponse<String> response = get("/api/v1/partner/customers", token.secret(), Map.of());

        assertThat(JSON.readTree(response.body()).get("items")).isEmpty();
    }

    @Test
    void a_list_pages_by_an_opaque_cursor_and_refuses_one_it_did_not_hand_out() throws Exception {
        TestPartner partner = fixtures.partner("Pages");
        for (int i = 0; i < 3; i++) {
            customerOf(partner, EnumSet.of(OrganizationRight.VIEW));
        }
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        JsonNode first = JSON.readTree(get("/api/v1/partner/customers?limit=2", token.secret(), Map.of()).body());
        String cursor = first.get("nextCursor").asString();
        JsonNode second = JSON.readTree(get("/api/v1/partner/customers?limit=2&cursor=" + cursor, token.secret(),
                Map.of()).body());

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(get("/api/v1/partner/customers?cursor=made-up", token.secret(), Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/partner/customers?limit=201", token.secret(), Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_read_token_is_refused_on_every_write() throws Exception {
        TestPartner partner = fixtures.partner("ReadOnly");
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        HttpResponse<String> response = send("POST", "/api/v1/partner/customers", token.secret(), "{}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("title").asString()).isEqualTo("Read-only token");
    }

    @Test
    void a_provider_token_is_answered_as_if_the_partner_list_did_not_exist() throws Exception {
        IssuedToken token = providerToken(ApiScope.READ);

        HttpResponse<String> response = get("/api/v1/partner/customers", token.secret(), Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void a_token_over_its_rate_limit_is_answered_429_with_retry_after() throws Exception {
        TestPartner partner = fixtures.partner("Busy");
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        int status = 0;
        HttpResponse<String> response = null;
        for (int i = 0; i < 9 && status != 429; i++) {
            response = get("/api/v1/partner/customers", token.secret(), Map.of());
            status = response.statusCode();
        }

        assertThat(status).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(JSON.readTree(response.body()).get("title").asString()).isEqualTo("Too many requests");
    }

    @Test
    void a_body_or_an_answer_in_another_form_is_a_problem_of_its_own_never_a_server_error() throws Exception {
        TestPartner partner = fixtures.partner("Forms");
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));

        HttpResponse<String> xmlBody = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/partner/relationship-requests")).POST(HttpRequest.BodyPublishers.ofString("<x/>"))
                .header("Content-Type", "text/xml").header("Authorization", "Bearer " + token.secret()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> xmlAnswer = get("/api/v1/partner/customers", token.secret(),
                Map.of("Accept", "application/xml"));

        assertThat(xmlBody.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(xmlBody.body()).get("detail").asString()).contains("application/json");
        assertThat(JSON.readTree(xmlBody.body()).get("title").asString()).isEqualTo("Unsupported content type");
        assertThat(xmlAnswer.statusCode()).isEqualTo(406);
        assertThat(xmlAnswer.body()).contains("Answer format not available").doesNotContain("!en:");
        assertThat(xmlAnswer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void an_address_or_a_method_no_endpoint_takes_is_a_404_problem_never_vaadins_sign_in_or_page() throws Exception {
        TestPartner partner = fixtures.partner("Lost");
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));

        HttpResponse<String> unknown = get("/api/v1/nope", token.secret(), Map.of());
        HttpResponse<String> patch = send("PATCH", "/api/v1/partner/customers", token.secret(), "{}");

        for (HttpResponse<String> response : List.of(unknown, patch)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("<html");
        }
    }

    @Test
    void last_use_is_recorded_but_not_on_every_call() throws Exception {
        TestPartner partner = fixtures.partner("Used");
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        get("/api/v1/partner/customers", token.secret(), Map.of());
        var first = lastUsed(partner, token);
        clock.advance(Duration.ofSeconds(30));
        get("/api/v1/partner/customers", token.secret(), Map.of());
        var soonAfter = lastUsed(partner, token);
        clock.advance(Duration.ofSeconds(61));
        get("/api/v1/partner/customers", token.secret(), Map.of());

        assertThat(first).isNotNull();
        assertThat(soonAfter).isEqualTo(first);
        assertThat(lastUsed(partner, token)).isAfter(first);
    }

    @Test
    void the_api_is_not_swallowed_by_vaadin_an_unknown_api_address_is_no_sign_in_page() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", null, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void a_partner_write_token_adds_a_contact_where_it_holds_manage_contacts_and_the_audit_log_names_the_token()
            throws Exception {
        TestPartner partner = fixtures.partner("Writer");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));

        HttpResponse<String> added = send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), CONTACT);
        HttpResponse<String> listed = get("/api/v1/organizations/" + customer.id() + "/contacts", token.secret(),
                Map.of());

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("email").asString()).isEqualTo("nora@night.test");
        assertThat(JSON.readTree(listed.body()).get("items").toString()).contains("nora@night.test");
        Map<String, Object> event = jdbc.queryForMap("select actor_email, actor_user_id, on_behalf_of_id "
                + "from audit_event where organization_id = ? and kind = 'CONTACT_ADDED'", customer.id());
        assertThat(event.get("ACTOR_EMAIL")).isEqualTo("API token \u201c" + token.token().name() + "\u201d of "
                + partner.name());
        assertThat(event.get("ACTOR_USER_ID")).isNull();
        assertThat(((Number) event.get("ON_BEHALF_OF_ID")).longValue()).isEqualTo(partner.id());
    }

    @Test
    void a_partner_token_without_the_right_is_answered_as_for_a_customer_that_does_not_exist() throws Exception {
        TestPartner partner = fixtures.partner("Viewer");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.VIEW));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));

        HttpResponse<String> refused = send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), CONTACT);
        HttpResponse<String> missing = send("POST", "/api/v1/organizations/99999999/contacts", token.secret(),
                CONTACT);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        for (String field : List.of("status", "title", "detail", "type")) {
            assertThat(JSON.readTree(refused.body()).get(field)).isEqualTo(JSON.readTree(missing.body()).get(field));
        }
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                customer.id())).isZero();
    }

    @Test
    void a_read_token_is_refused_when_it_writes_contacts_even_where_its_partner_may() throws Exception {
        TestPartner partner = fixtures.partner("ReadContacts");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        assertThat(send("POST", "/api/v1/organizations/" + customer.id() + "/contacts", token.secret(), CONTACT)
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/organizations/" + customer.id() + "/contacts", token.secret(), Map.of())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void bad_input_is_a_422_naming_the_field_in_the_words_of_the_ui() throws Exception {
        TestPartner partner = fixtures.partner("BadInput");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String noEmail = "{\"firstName\":\"Nora\",\"lastName\":\"Night\",\"email\":\"nora\",\"types\":[\"TECHNICAL\"]}";

        HttpResponse<String> english = send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), noEmail);
        HttpResponse<String> german = send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), noEmail, Map.of("Accept-Language", "de"));
        HttpResponse<String> unreadable = send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), "{\"types\":[\"NO_SUCH_TYPE\"]}");

        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(english.body()).get("field").asString()).isEqualTo("email");
        assertThat(JSON.readTree(english.body()).get("detail").asString())
                .isEqualTo("Enter a valid e-mail address, e.g. name@example.com.");
        assertThat(JSON.readTree(german.body()).get("detail").asString())
                .isEqualTo("Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).doesNotContain("Exception");
    }

    @Test
    void a_change_on_a_stale_version_is_a_409_that_tells_the_current_version() throws Exception {
        TestPartner partner = fixtures.partner("Stale");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        JsonNode added = JSON.readTree(send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), CONTACT).body());
        String path = "/api/v1/organizations/" + customer.id() + "/contacts/" + added.get("id").asLong();
        long version = added.get("version").asLong();
        String change = "{\"firstName\":\"Nora\",\"lastName\":\"Day\",\"email\":\"nora@night.test\","
                + "\"phone\":null,\"jobTitle\":null,\"types\":[\"TECHNICAL\"],\"version\":" + version + "}";

        HttpResponse<String> first = send("PUT", path, token.secret(), change);
        HttpResponse<String> second = send("PUT", path, token.secret(), change);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).get("currentVersion").asLong())
                .isEqualTo(JSON.readTree(first.body()).get("version").asLong());
    }

    @Test
    void a_contact_id_of_another_organization_and_an_unknown_one_are_both_a_404_alike() throws Exception {
        TestPartner partner = fixtures.partner("Foreign ids");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        TestAccount other = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        long foreignId = JSON.readTree(send("POST", "/api/v1/organizations/" + other.id() + "/contacts",
                token.secret(), CONTACT).body()).get("id").asLong();
        String change = "{\"firstName\":\"Nora\",\"lastName\":\"Day\",\"email\":\"nora@night.test\","
                + "\"phone\":\"\",\"jobTitle\":\"\",\"types\":[\"TECHNICAL\"],\"version\":0}";
        String incomplete = "{\"firstName\":\"Nora\",\"lastName\":\"Day\",\"email\":\"nora@night.test\","
                + "\"types\":[\"TECHNICAL\"],\"version\":0}";

        HttpResponse<String> foreign = send("PUT", "/api/v1/organizations/" + customer.id() + "/contacts/" + foreignId,
                token.secret(), change);
        HttpResponse<String> unknown = send("PUT", "/api/v1/organizations/" + customer.id() + "/contacts/"
                + Long.MAX_VALUE, token.secret(), change);

        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(foreign.body()).get("detail")).isEqualTo(JSON.readTree(unknown.body()).get("detail"));
        // a body that leaves members out tells nothing more about a contact that is not there
        HttpResponse<String> foreignIncomplete = send("PUT", "/api/v1/organizations/" + customer.id() + "/contacts/"
                + foreignId, token.secret(), incomplete);
        assertThat(foreignIncomplete.statusCode()).as(foreignIncomplete.body()).isEqualTo(404);
    }

    @Test
    void a_contact_put_replaces_the_contact_as_a_whole_and_a_body_leaving_members_out_saves_nothing()
            throws Exception {
        TestPartner partner = fixtures.partner("Whole contact");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        JsonNode added = JSON.readTree(send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), "{\"firstName\":\"Nora\",\"lastName\":\"Night\",\"email\":\"nora@night.test\","
                        + "\"phone\":\"+49 30 1234567\",\"jobTitle\":\"CTO\",\"types\":[\"TECHNICAL\"]}").body());
        String path = "/api/v1/organizations/" + customer.id() + "/contacts/" + added.get("id").asLong();
        long version = added.get("version").asLong();

        HttpResponse<String> nameOnly = send("PUT", path, token.secret(), "{\"firstName\":\"Nora\","
                + "\"lastName\":\"Day\",\"email\":\"nora@night.test\",\"types\":[\"TECHNICAL\"],\"version\":"
                + version + "}");
        HttpResponse<String> german = send("PUT", path, token.secret(), "{\"firstName\":\"Nora\",\"version\":"
                + version + "}", Map.of("Accept-Language", "de"));

        assertThat(nameOnly.statusCode()).as(nameOnly.body()).isEqualTo(422);
        assertThat(nameOnly.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(nameOnly.body());
        assertThat(problem.get("field").asString()).isEqualTo("phone");
        assertThat(problem.get("fields").valueStream().map(JsonNode::asString)).containsExactly("phone", "jobTitle");
        assertThat(problem.get("detail").asString()).isEqualTo("PUT replaces the contact as a whole: give phone, "
                + "jobTitle too (null or an empty text clears the phone or the job title).");
        assertThat(german.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(german.body()).get("fields").valueStream().map(JsonNode::asString))
                .containsExactly("lastName", "email", "phone", "jobTitle", "types");
        assertThat(JSON.readTree(german.body()).get("detail").asString()).startsWith("PUT ersetzt den Kontakt");
        JsonNode saved = contactIn(customer, token, added.get("id").asLong());
        assertThat(saved.get("phone").asString()).isEqualTo(added.get("phone").asString());
        assertThat(saved.get("jobTitle").asString()).isEqualTo("CTO");
        assertThat(saved.get("version").asLong()).isEqualTo(version);

        // every member given: null clears the phone, an empty text the job title
        HttpResponse<String> cleared = send("PUT", path, token.secret(), "{\"firstName\":\"Nora\","
                + "\"lastName\":\"Day\",\"email\":\"nora@night.test\",\"phone\":null,\"jobTitle\":\"\","
                + "\"types\":[\"TECHNICAL\"],\"version\":" + version + "}");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        JsonNode changed = JSON.readTree(cleared.body());
        assertThat(changed.get("lastName").asString()).isEqualTo("Day");
        assertThat(changed.get("phone").isNull()).isTrue();
        assertThat(changed.get("jobTitle").isNull()).isTrue();
    }

    private JsonNode contactIn(TestAccount customer, IssuedToken token, long contactId) throws Exception {
        JsonNode page = JSON.readTree(get("/api/v1/organizations/" + customer.id() + "/contacts", token.secret(), Map.of())
                .body());
        return page.get("items").valueStream().filter(item -> item.get("id").asLong() == contactId).findFirst()
                .orElseThrow();
    }

    @Test
    void a_create_with_an_idempotency_key_happens_once_and_the_key_cannot_be_reused_for_another_body()
            throws Exception {
        TestPartner partner = fixtures.partner("Idempotent");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String path = "/api/v1/organizations/" + customer.id() + "/contacts";
        Map<String, String> key = Map.of("Idempotency-Key", "import-42");

        HttpResponse<String> first = send("POST", path, token.secret(), CONTACT, key);
        HttpResponse<String> again = send("POST", path, token.secret(), CONTACT.replace("[\"TECHNICAL\"]",
                "[\"TECHNICAL\"]  "), key);
        HttpResponse<String> other = send("POST", path, token.secret(), CONTACT.replace("Nora", "Nina"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(other.body()).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                customer.id())).isEqualTo(1);
        clock.advance(Duration.ofHours(25));
        assertThat(send("POST", path, token.secret(), CONTACT.replace("Nora", "Nina").replace("nora@", "nina@"),
                key).statusCode()).isEqualTo(201);
    }

    @Test
    void a_partner_creates_a_tenant_only_where_the_customer_granted_manage_tenants() throws Exception {
        TestPartner partner = fixtures.partner("Tenants");
        TestAccount granting = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_TENANTS));
        TestAccount viewing = customerOf(partner, EnumSet.of(OrganizationRight.VIEW));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String tenant = "{\"name\":\"Shop\",\"type\":\"STANDARD\",\"edition\":\"BASIC\",\"characterSet\":\"UTF-8\"}";

        HttpResponse<String> created = send("POST", "/api/v1/organizations/" + granting.id() + "/tenants",
                token.secret(), tenant);
        HttpResponse<String> refused = send("POST", "/api/v1/organizations/" + viewing.id() + "/tenants",
                token.secret(), tenant);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("name").asString()).isEqualTo("Shop");
        assertThat(refused.statusCode()).isEqualTo(404);
    }

    @Test
    void a_relationship_request_answers_alike_whether_the_address_manages_the_customer_or_not() throws Exception {
        TestPartner partner = fixtures.partner("Requests");
        TestAccount customer = fixtures.account("Alice");
        TestAccount managed = fixtures.account("Bea");
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String path = "/api/v1/partner/relationship-requests";
        java.util.function.BiFunction<String, String, String> body = (number, email) -> "{\"customerNumber\":\""
                + number + "\",\"managerEmail\":\"" + email + "\",\"rights\":[\"VIEW\",\"MANAGE_CONTACTS\"]}";
        partnerProvisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), managed.id(),
                java.util.EnumSet.of(dev.kontor.organization.OrganizationRight.VIEW), managed.email("Bea"),
                managed.userId("Bea"));

        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        Map<String, Long> millis = new java.util.LinkedHashMap<>();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("match", body.apply(customer.customerNumber(), customer.email("Alice")));
        cases.put("unknown address", body.apply(customer.customerNumber(), "x-" + customer.tag() + "@example.test"));
        cases.put("another account's manager", body.apply(customer.customerNumber(), managed.email("Bea")));
        cases.put("unknown number", body.apply("CN-99999", customer.email("Alice")));
        cases.put("already a customer", body.apply(managed.customerNumber(), managed.email("Bea")));
        for (Map.Entry<String, String> each : cases.entrySet()) {
            long start = System.nanoTime();
            answers.put(each.getKey(), send("POST", path, token.secret(), each.getValue()));
            millis.put(each.getKey(), (System.nanoTime() - start) / 1_000_000);
        }

        HttpResponse<String> match = answers.get("match");
        assertThat(match.statusCode()).as(match.body()).isEqualTo(202);
        for (Map.Entry<String, HttpResponse<String>> each : answers.entrySet()) {
            assertThat(each.getValue().statusCode()).as(each.getKey()).isEqualTo(match.statusCode());
            assertThat(each.getValue().body()).as(each.getKey()).isEqualTo(match.body());
            // the answer time floor (250 ms here) hides the mail and the writes of the matching case
            assertThat(millis.get(each.getKey())).as(each.getKey()).isGreaterThanOrEqualTo(240);
        }
        assertThat(jdbc.queryForObject("select state from partner_relationship where partner_id = ? and customer_id = ?",
                String.class, partner.id(), customer.id())).isEqualTo("REQUESTED");
        HttpResponse<String> malformed = send("POST", path, token.secret(), body.apply("no number", "x"));
        assertThat(malformed.statusCode()).isEqualTo(422);
    }

    @Test
    void after_the_days_mismatches_in_the_ui_a_partners_token_gets_429_even_for_a_right_pair_and_others_do_not()
            throws Exception {
        TestPartner guesser = fixtures.partner("Guesser");
        TestPartner neighbour = fixtures.partner("Neighbour");
        TestAccount customer = fixtures.account("Alice");
        TestAccount neighboursCustomer = fixtures.account("Bea");
        IssuedToken token = issue(guesser, ApiScope.WRITE, today().plusDays(30));
        IssuedToken neighboursToken = issue(neighbour, ApiScope.WRITE, today().plusDays(30));
        String path = "/api/v1/partner/relationship-requests";
        // the request form's guesses count for the token too: the limit is the partner's
        for (int i = 0; i < 9; i++) {
            int n = i;
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> fixtures.as(guesser.legalEmail(),
                    () -> partners.prepareRequest(guesser.id(), customer.customerNumber(), "guess-" + n
                            + "@example.test", EnumSet.of(OrganizationRight.VIEW), java.util.Locale.ENGLISH))))
                    .isInstanceOf(dev.kontor.base.InvalidInput.class);
        }
        HttpResponse<String> tenth = send("POST", path, token.secret(), requestBody(customer.customerNumber(),
                "guess-9@example.test"));
        HttpResponse<String> right = send("POST", path, token.secret(), requestBody(customer.customerNumber(),
                customer.email("Alice")));
        HttpResponse<String> others = send("POST", path, neighboursToken.secret(),
                requestBody(neighboursCustomer.customerNumber(), neighboursCustomer.email("Bea")));

        assertThat(tenth.statusCode()).as(tenth.body()).isEqualTo(202);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(429);
        assertThat(right.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(Duration.ofHours(23).toSeconds(), Duration.ofHours(24).toSeconds());
        JsonNode problem = JSON.readTree(right.body());
        assertThat(problem.get("type").asString()).endsWith("/too-many-mismatches");
        assertThat(problem.get("field").asString()).isEqualTo("customerNumber");
        assertThat(problem.get("detail").asString()).startsWith("Too many requests matched no account today. "
                + "Try again after ");
        assertThat(outbox.to(customer.email("Alice"))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from partner_relationship where partner_id = ?",
                Integer.class, guesser.id())).isZero();
        assertThat(jdbc.queryForList("select summary_key from audit_event where organization_id = ? "
                + "and outcome = 'DENIED' and kind = 'RELATIONSHIP_REQUESTED' order by id", String.class,
                guesser.id())).endsWith("audit.summary.partner-request-no-match",
                "audit.summary.partner-request-paused");

        assertThat(others.statusCode()).as(others.body()).isEqualTo(202);
        assertThat(outbox.to(neighboursCustomer.email("Bea"))).hasSize(1);
    }

    @Test
    void the_same_request_twice_a_day_is_taken_alike_but_mailed_once_and_the_audit_log_says_so() throws Exception {
        TestPartner partner = fixtures.partner("Twice");
        TestAccount customer = fixtures.account("Alice");
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String path = "/api/v1/partner/relationship-requests";
        String body = requestBody(customer.customerNumber(), customer.email("Alice"));

        HttpResponse<String> first = send("POST", path, token.secret(), body);
        HttpResponse<String> second = send("POST", path, token.secret(), body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(outbox.to(customer.email("Alice"))).hasSize(1);
        assertThat(jdbc.queryForObject("select summary from audit_event where organization_id = ? "
                + "and outcome = 'DENIED' and kind = 'RELATIONSHIP_REQUESTED'", String.class, partner.id()))
                .contains("not sent again: last sent at");

        clock.advance(Duration.ofHours(25));
        assertThat(send("POST", path, token.secret(), body).statusCode()).isEqualTo(202);
        assertThat(outbox.to(customer.email("Alice"))).hasSize(2);
    }

    @Test
    void the_same_request_sent_many_times_at_once_is_answered_202_alike_and_makes_one_request_and_one_mail()
            throws Exception {
        TestPartner partner = fixtures.partner("Racing");
        TestAccount customer = fixtures.account("Alice");
        // two tokens of the partner, so that the token limit (8 a minute here) is not what answers
        List<IssuedToken> partnerTokens = List.of(issue(partner, ApiScope.WRITE, today().plusDays(30)),
                issue(partner, ApiScope.WRITE, today().plusDays(30)));
        String body = requestBody(customer.customerNumber(), customer.email("Alice"));
        int attempts = 8;

        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors
                .newFixedThreadPool(attempts)) {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String secret = partnerTokens.get(i % 2).secret();
                sent.add(threads.submit(() -> {
                    go.await();
                    return send("POST", "/api/v1/partner/relationship-requests", secret, body);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        }

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(answers.getFirst().body());
        }
        assertThat(jdbc.queryForList("select state from partner_relationship where partner_id = ?", String.class,
                partner.id())).containsExactly("REQUESTED");
        assertThat(outbox.to(customer.email("Alice"))).hasSize(1);
        assertThat(jdbc.queryForList("select summary_key from audit_event where organization_id = ? "
                + "and kind = 'RELATIONSHIP_REQUESTED'", String.class, customer.id()))
                .containsExactly("audit.summary.partner-relationship-requested");
        assertThat(jdbc.queryForList("select summary_key from audit_event where organization_id = ? "
                + "and kind = 'RELATIONSHIP_REQUESTED' and outcome = 'DENIED'", String.class, partner.id()))
                .containsOnly("audit.summary.partner-request-not-mailed-again").hasSize(attempts - 1);
    }

    @Test
    void an_idempotency_key_of_other_than_visible_ascii_characters_is_refused_saying_what_a_key_may_hold()
            throws Exception {
        TestPartner partner = fixtures.partner("Keys");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String contacts = "/api/v1/organizations/" + customer.id() + "/contacts";

        // as curl sends what was typed: the UTF-8 bytes of an umlaut, a euro sign (one of its bytes is a C1 control
        // in Latin-1, as Tomcat reads header bytes), and a key with a space
        List<String[]> refused = List.of(
                rawHeader("POST", contacts, token.secret(), "Idempotency-Key",
                        "Schl\u00fcssel-1".getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTACT, "en"),
                rawHeader("POST", contacts, token.secret(), "Idempotency-Key",
                        "crm-\u20ac-1".getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTACT, "en"),
                rawHeader("POST", contacts, token.secret(), "Idempotency-Key",
                        "crm 4711".getBytes(java.nio.charset.StandardCharsets.US_ASCII), CONTACT, "en"));
        String[] german = rawHeader("POST", contacts, token.secret(), "Idempotency-Key",
                "Schl\u00fcssel-1".getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTACT, "de");

        for (String[] answer : refused) {
            assertThat(answer[0]).as(answer[1]).isEqualTo("422");
            assertThat(answer[2]).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer[1]).get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(JSON.readTree(answer[1]).get("detail").asString()).isEqualTo("An Idempotency-Key is 1 to 255 "
                    + "visible ASCII characters: letters, digits and punctuation, without spaces or accents.");
        }
        assertThat(JSON.readTree(german[1]).get("detail").asString()).isEqualTo("Ein Idempotency-Key besteht aus 1 "
                + "bis 255 sichtbaren ASCII-Zeichen: Buchstaben, Ziffern und Satzzeichen, ohne Leerzeichen und Akzente.");
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                customer.id())).isZero();
        // a key of visible ASCII is taken as before
        assertThat(send("POST", contacts, token.secret(), CONTACT, Map.of("Idempotency-Key", "crm-4711:a/b_c"))
                .statusCode()).isEqualTo(201);
    }

    private static String requestBody(String number, String email) {
        return "{\"customerNumber\":\"" + number + "\",\"managerEmail\":\"" + email
                + "\",\"rights\":[\"VIEW\"]}";
    }

    @Test
    void a_token_reads_its_own_organizations_audit_log_page_by_page() throws Exception {
        TestPartner partner = fixtures.partner("Audit");
        issue(partner, ApiScope.READ, today().plusDays(30));
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));

        JsonNode first = JSON.readTree(get("/api/v1/audit-events?limit=1", token.secret(), Map.of()).body());
        JsonNode second = JSON.readTree(get("/api/v1/audit-events?limit=1&cursor="
                + first.get("nextCursor").asString(), token.secret(), Map.of()).body());

        assertThat(first.get("items").get(0).get("kind").asString()).isEqualTo("API_TOKEN_CREATED");
        assertThat(second.get("items").get(0).get("id").asLong())
                .isLessThan(first.get("items").get(0).get("id").asLong());
        assertThat(JSON.readTree(get("/api/v1/audit-events?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z",
                token.secret(), Map.of()).body()).get("items")).isEmpty();
    }

    @Test
    void the_audit_events_say_someone_outside_tried_the_partner_never_who() throws Exception {
        TestPartner partner = fixtures.partner("Tried");
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));
        TestAccount other = fixtures.account("Mallory");
        String mallory = other.email("Mallory");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixtures.as(mallory, () -> partners.prepareRequest(
                        partner.id(), other.customerNumber(), mallory, Set.of(OrganizationRight.VIEW),
                        java.util.Locale.ENGLISH)))
                .isInstanceOf(dev.kontor.base.AccessRefused.class);

        HttpResponse<String> response = get("/api/v1/audit-events", token.secret(), Map.of());

        assertThat(response.body()).doesNotContain(mallory).doesNotContain("Mallory");
        List<JsonNode> refusals = new java.util.ArrayList<>();
        JSON.readTree(response.body()).get("items").forEach(item -> {
            if ("DENIED".equals(item.get("outcome").asString())) {
                refusals.add(item);
            }
        });
        assertThat(refusals).hasSize(1);
        assertThat(refusals.getFirst().get("actor").asString()).isEqualTo("Someone outside your organization");
        assertThat(refusals.getFirst().get("onBehalfOf").isNull()).isTrue();
    }

    @Test
    void a_provider_token_holds_no_right_in_a_customer_account_so_its_contacts_are_not_found() throws Exception {
        TestAccount customer = fixtures.account("Alice");
        IssuedToken token = providerToken(ApiScope.READ);

        assertThat(get("/api/v1/organizations/" + customer.id() + "/contacts", token.secret(), Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void where_the_customer_requires_a_reason_a_partner_token_without_the_header_is_refused_with_422_and_nothing_done()
            throws Exception {
        TestPartner partner = fixtures.partner("Reasoned");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        fixtures.as(customer.email("Alice"), () -> accessPolicies.change(customer.id(), true, false));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String contacts = "/api/v1/organizations/" + customer.id() + "/contacts";

        HttpResponse<String> english = send("POST", contacts, token.secret(), CONTACT);
        HttpResponse<String> german = send("POST", contacts, token.secret(), CONTACT, Map.of("Accept-Language", "de"));
        HttpResponse<String> blank = get(contacts, token.secret(), Map.of("Kontor-Access-Reason", " "));
        HttpResponse<String> markup = send("POST", contacts, token.secret(), CONTACT,
                Map.of("Kontor-Access-Reason", "<b>T-1</b>"));

        assertThat(english.statusCode()).as(english.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(english.body());
        assertThat(problem.get("field").asString()).isEqualTo("Kontor-Access-Reason");
        assertThat(problem.get("detail").asString())
                .isEqualTo("This customer asks for a ticket number or reason before partners enter the account.");
        assertThat(JSON.readTree(german.body()).get("detail").asString())
                .isEqualTo("Dieser Kunde verlangt eine Ticketnummer oder einen Grund, bevor Partner das Konto "
                        + "betreten.");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(markup.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(markup.body()).get("field").asString()).isEqualTo("Kontor-Access-Reason");
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                customer.id())).isZero();
        assertThat(jdbc.queryForList("select outcome from audit_event where organization_id = ? "
                + "and kind = 'ACCESS_DENIED' and summary_key = 'audit.summary.api-token-reason-missing'", String.class,
                customer.id())).containsExactly("DENIED", "DENIED", "DENIED");
    }

    @Test
    void a_reason_or_a_token_name_that_reads_as_a_link_is_refused_for_it_would_be_mailed_to_the_customer()
            throws Exception {
        TestPartner partner = fixtures.partner("Linked");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String contacts = "/api/v1/organizations/" + customer.id() + "/contacts";

        HttpResponse<String> linked = send("POST", contacts, token.secret(), CONTACT,
                Map.of("Kontor-Access-Reason", "Log in at https://evil.test/login to keep your account"));

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(linked.body());
        assertThat(problem.get("field").asString()).isEqualTo("Kontor-Access-Reason");
        assertThat(problem.get("detail").asString()).startsWith("This text goes into mails and must not contain a web");
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                customer.id())).isZero();
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(),
                "Sync - verify at evil.test/login", ApiScope.WRITE, today().plusDays(30), java.time.ZoneOffset.UTC)))
                .isInstanceOfSatisfying(dev.kontor.base.InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("name");
                    assertThat(refusal.messageKey()).isEqualTo("validation.text-looks-like-address");
                });
    }

    @Test
    void a_reason_sent_in_utf_8_is_taken_as_written_and_bytes_that_are_no_text_get_a_422_problem() throws Exception {
        TestPartner partner = fixtures.partner("Umlauts");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        fixtures.as(customer.email("Alice"), () -> accessPolicies.change(customer.id(), true, false));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String contacts = "/api/v1/organizations/" + customer.id() + "/contacts";
        String reason = "St\u00f6rung \u2013 T-1 \u20ac";
        // Java's HTTP client sends header values as ASCII only; a client such as curl sends the UTF-8 bytes as typed
        String contact = "{\"firstName\":\"Uma\",\"lastName\":\"Umlaut\",\"email\":\"uma-" + customer.tag()
                + "@example.test\",\"types\":[\"TECHNICAL\"]}";

        String[] added = raw("POST", contacts, token.secret(), reason.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                contact);
        String[] noText = raw("GET", contacts, token.secret(), new byte[] {'T', '-', '1', ' ', (byte) 0x85}, null);

        assertThat(added[0]).as(added[1]).isEqualTo("201");
        assertThat(jdbc.queryForObject("select actor_email from audit_event where organization_id = ? "
                + "and kind = 'CONTACT_ADDED'", String.class, customer.id())).endsWith(", reason: " + reason);
        assertThat(noText[0]).as(noText[1]).isEqualTo("422");
        assertThat(noText[2]).startsWith("application/problem+json");
        assertThat(JSON.readTree(noText[1]).get("field").asString()).isEqualTo("Kontor-Access-Reason");
    }

    @Test
    void a_reason_in_latin_1_or_with_a_control_byte_is_refused_as_a_problem_never_guessed_or_tomcats_page()
            throws Exception {
        TestPartner partner = fixtures.partner("Latin");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));
        String contacts = "/api/v1/organizations/" + customer.id() + "/contacts";

        String[] latin1 = raw("GET", contacts, token.secret(), "St\u00f6rung".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1), null);
        String[] tab = raw("GET", contacts, token.secret(), new byte[] {'T', '-', '1', '\t', 'X'}, null);
        String[] control = raw("GET", contacts, token.secret(), new byte[] {'T', '-', '1', 0x01, 'X'}, null);

        for (String[] refused : List.of(latin1, tab)) {
            assertThat(refused[0]).as(refused[1]).isEqualTo("422");
            assertThat(refused[2]).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused[1]).get("field").asString()).isEqualTo("Kontor-Access-Reason");
        }
        assertThat(JSON.readTree(latin1[1]).get("detail").asString())
                .isEqualTo("Send the reason as UTF-8 text without control characters.");
        // refused by Tomcat before any filter: still the API's problem, not Tomcat's HTML page
        assertThat(control[0]).as(control[1]).isEqualTo("400");
        assertThat(control[2]).startsWith("application/problem+json");
        assertThat(JSON.readTree(control[1]).get("type").asString()).endsWith("/bad-request");
        assertThat(control[1]).doesNotContain("<html", "Tomcat");
    }

    /** A request written byte by byte, the reason header's value as given; status, body and content type. */
    private String[] raw(String method, String path, String token, byte[] reason, String json) throws Exception {
        return rawHeader(method, path, token, "Kontor-Access-Reason", reason, json, "en");
    }

    /** A request written byte by byte, one header's value as given; status, body and content type. */
    private String[] rawHeader(String method, String path, String token, String header, byte[] value, String json,
                               String language) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            byte[] body = json == null ? new byte[0] : json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
            request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nAccept-Language: " + language + "\r\n" + header + ": ")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            request.writeBytes(value);
            request.writeBytes("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            request.writeBytes(body);
            socket.getOutputStream().write(request.toByteArray());
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String content = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                content = content.substring(content.indexOf("\r\n") + 2, content.lastIndexOf("\r\n0\r\n"));
            }
            String type = head.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("content-type:")).map(line -> line.substring(13).strip()).findFirst().orElse("");
            return new String[] {head.split(" ")[1], content, type};
        }
    }

    @Test
    void with_the_reason_in_the_header_a_partner_token_works_and_the_audit_entry_records_it() throws Exception {
        TestPartner partner = fixtures.partner("Ticketed");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        fixtures.as(customer.email("Alice"), () -> accessPolicies.change(customer.id(), true, false));
        IssuedToken token = issue(partner, ApiScope.WRITE, today().plusDays(30));

        HttpResponse<String> added = send("POST", "/api/v1/organizations/" + customer.id() + "/contacts",
                token.secret(), CONTACT, Map.of("Kontor-Access-Reason", "TICKET-4711"));
        HttpResponse<String> own = get("/api/v1/organizations/" + partner.id() + "/contacts", token.secret(),
                Map.of());

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select actor_email from audit_event where organization_id = ? "
                + "and kind = 'CONTACT_ADDED'", String.class, customer.id()))
                .isEqualTo("API token \u201c" + token.token().name() + "\u201d of " + partner.name()
                        + ", reason: TICKET-4711");
        assertThat(own.statusCode()).as("the partner's own organization is not the customer's to rule")
                .isEqualTo(200);
    }

    @Test
    void the_contact_person_is_told_of_a_partner_tokens_work_at_most_once_an_hour() throws Exception {
        TestPartner partner = fixtures.partner("Noticed");
        TestAccount customer = customerOf(partner, EnumSet.of(OrganizationRight.MANAGE_CONTACTS));
        fixtures.as(customer.email("Alice"), () -> accessPolicies.change(customer.id(), false, true));
        IssuedToken token = issue(partner, ApiScope.READ, today().plusDays(30));
        String contacts = "/api/v1/organizations/" + customer.id() + "/contacts";

        assertThat(get(contacts, token.secret(), Map.of("Kontor-Access-Reason", "Sync")).statusCode())
                .isEqualTo(200);
        assertThat(get(contacts, token.secret(), Map.of()).statusCode()).isEqualTo(200);
        assertThat(outbox.to(customer.email("Alice"))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("API token \u201c" + token.token().name() + "\u201d of "
                    + partner.name() + " worked in your account");
            assertThat(mail.body()).contains("Reason given: Sync");
        });

        clock.advance(Duration.ofMinutes(61));
        get(contacts, token.secret(), Map.of());
        assertThat(outbox.to(customer.email("Alice"))).hasSize(2);
    }

    /**
     * The description in docs/api/openapi.json is what the API serves. After a change to the API, run this test once:
     * it writes the served description to target/openapi.json; copy that over docs/api/openapi.json and review the
     * difference.
     */
    @Test
    void the_served_openapi_description_is_the_one_checked_in() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi.json", null, Map.of());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), response.body());
        java.nio.file.Path checkedIn = java.nio.file.Path.of("docs", "api", "openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("paths").has("/api/v1/partner/customers")).isTrue();
        assertThat(JSON.readTree(response.body()).get("paths").has("/api/v1/provider/accounts/{accountId}/contacts"))
                .isTrue();
        assertThat(checkedIn).as("docs/api/openapi.json (copy target/openapi.json there)").exists();
        assertThat(JSON.readTree(java.nio.file.Files.readString(checkedIn)))
                .as("docs/api/openapi.json differs from the served description; copy target/openapi.json there")
                .isEqualTo(JSON.readTree(response.body()));
    }

    private static final String CONTACT = "{\"firstName\":\"Nora\",\"lastName\":\"Night\","
            + "\"email\":\"nora@night.test\",\"types\":[\"TECHNICAL\"]}";

    private java.time.Instant lastUsed(TestPartner partner, IssuedToken token) {
        return fixtures.as(partner.legalEmail(), () -> tokens.tokens(partner.id())).stream()
                .filter(row -> row.id() == token.token().id()).findFirst().orElseThrow().lastUsedAt();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private IssuedToken issue(TestPartner partner, ApiScope scope, LocalDate expiresOn) {
        return fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(),
                "Token " + java.util.UUID.randomUUID(), scope, expiresOn, java.time.ZoneOffset.UTC));
    }

    private IssuedToken providerToken(ApiScope scope) {
        String admin = fixtures.person("ProviderAdmin");
        long adminId = fixtures.userIdOf(admin);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + java.util.UUID.randomUUID());
        onboarding.grant(TestTasks.setUp(), adminId, provider.getId(),
                dev.kontor.organization.MembershipRole.PROVIDER_ADMINISTRATOR);
        long providerId = provider.getId();
        return fixtures.as(admin, () -> tokens.create(providerId, "Billing", scope, today().plusDays(30), java.time.ZoneOffset.UTC));
    }

    /** A customer account that accepted the partner's request with the given rights. */
    private TestAccount customerOf(TestPartner partner, Set<OrganizationRight> rights) {
        TestAccount account = fixtures.account("Alice");
        TestRequests.Request request = requests.request(partner.id(), account.id(), account.email("Alice"), rights,
                partner.legalUserId());
        fixtures.as(account.email("Alice"), () -> answers.accept(request.token(), rights, null));
        return account;
    }

    private HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String token, String body,
                                      Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
