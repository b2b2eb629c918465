package dev.kontor.api;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider scope of the API over real HTTP: a provider's token administers the provider's accounts, services and
 * partners through the provider administration's services, with their rules and audit; every other token is refused.
 * Each test makes its own provider (with a partner and a customer account below it) and tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kontor.api.requests-per-token=1000", "kontor.api.failures-per-address=1000"})
@ActiveProfiles("test")
@Import({TestClock.class, Fixtures.class, Outbox.class})
class ProviderApiHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    ContactProvisioning contactProvisioning;

    @Autowired
    MutableClock clock;

    @Autowired
    dev.kontor.partner.PartnerProvisioning partnerProvisioning;

    @Autowired
    dev.kontor.provider.PartnerAdministration partnerAdministration;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private long providerId;
    private String admin;
    private TestPartner partner;
    private TestAccount account;

    @BeforeEach
    void aProviderOfItsOwn() {
        partner = fixtures.partner("Partner");
        providerId = jdbc.queryForObject("select parent_id from organization where id = ?", Long.class,
                partner.id());
        admin = fixtures.person("Operator");
        account = fixtures.account("Alice");
        // the fixture's account comes with a provider of its own: it moves below this test's provider
        jdbc.update("update organization set parent_id = ?, ancestor_path = ? where id = ?", providerId,
                "/" + providerId + "/", account.id());
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(admin), providerId,
                MembershipRole.PROVIDER_ADMINISTRATOR);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_provider_token_creates_an_account_whose_first_manager_is_only_invited_and_the_log_names_the_token()
            throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);

        HttpResponse<String> created = send("POST", "/api/v1/provider/accounts", token.secret(), """
                {"name":"Nordwind GmbH","street":"Hafenstraße 1","postalCode":"20457","city":"Hamburg",
                 "country":"de","managerEmail":"mara@nordwind.test","managerName":"Mara Nord"}""");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(JSON.readTree(created.body()).get("customerNumber").asString()).startsWith("CN-");
        assertThat(jdbc.queryForObject("select m.state from membership m join app_user u on u.id = m.user_id "
                + "where m.organization_id = ? and u.email = 'mara@nordwind.test'", String.class, id))
                .isEqualTo("INVITED");
        // a token is nobody: the invitation names no inviting person (a token's negative id would break the key)
        assertThat(jdbc.queryForObject("select count(*) from invitation where organization_id = ? "
                + "and invited_by is null", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForList("select actor_email from audit_event where organization_id = ?", String.class,
                id)).contains("API token \u201c" + token.token().name() + "\u201d of " + providerName());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where organization_id = ? "
                + "and actor_user_id < 0", Integer.class, id)).isZero();
        JsonNode read = JSON.readTree(get("/api/v1/provider/accounts/" + id, token.secret()).body());
        assertThat(read.get("country").asString()).isEqualTo("DE");
        assertThat(read.get("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void an_account_attached_to_a_partner_by_a_token_sends_the_partners_request_naming_no_person() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);

        HttpResponse<String> created = send("POST", "/api/v1/provider/accounts", token.secret(),
                "{\"name\":\"Attached\",\"managerEmail\":\"ada@attached.test\",\"managerName\":\"Ada\","
                        + "\"partnerId\":" + partner.id() + ",\"partnerRights\":[\"VIEW\",\"MANAGE_CONTACTS\"]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(jdbc.queryForObject("select count(*) from partner_relationship where customer_id = ? "
                + "and partner_id = ? and state = 'REQUESTED' and requested_by is null", Integer.class, id,
                partner.id())).isEqualTo(1);
    }

    @Test
    void a_provider_token_creates_a_partner_whose_representative_holds_nothing_until_accepting() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);

        HttpResponse<String> created = send("POST", "/api/v1/provider/partners", token.secret(),
                "{\"name\":\"Agentur Süd\",\"representativeEmail\":\"rita@sued.test\",\"representativeName\":\"Rita\"}");
        HttpResponse<String> bad = send("POST", "/api/v1/provider/partners", token.secret(),
                "{\"name\":\"Agentur Nord\",\"representativeEmail\":\"rita\",\"representativeName\":\"Rita\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(jdbc.queryForObject("select parent_id from organization where id = ?", Long.class, id))
                .isEqualTo(providerId);
        assertThat(jdbc.queryForObject("select state from membership where organization_id = ?", String.class, id))
                .isEqualTo("INVITED");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("field").asString()).isEqualTo("representativeEmail");
        assertThat(jdbc.queryForObject("select count(*) from organization where name = 'Agentur Nord'",
                Integer.class)).isZero();
    }

    @Test
    void the_provider_changes_name_and_address_at_the_data_version_and_a_stale_one_is_a_409_with_the_current()
            throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String path = "/api/v1/provider/accounts/" + account.id();
        long dataVersion = JSON.readTree(get(path, token.secret()).body()).get("dataVersion").asLong();
        String change = "{\"name\":\"Alice Renamed\",\"street\":\"Neue Straße 2\",\"postalCode\":\"10115\","
                + "\"city\":\"Berlin\",\"country\":\"DE\",\"dataVersion\":" + dataVersion + "}";

        HttpResponse<String> first = send("PUT", path, token.secret(), change);
        HttpResponse<String> again = send("PUT", path, token.secret(), change.replace("Berlin", "Potsdam"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode changed = JSON.readTree(first.body());
        assertThat(changed.get("name").asString()).isEqualTo("Alice Renamed");
        assertThat(changed.get("city").asString()).isEqualTo("Berlin");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("currentVersion").asLong())
                .isEqualTo(changed.get("dataVersion").asLong());
        assertThat(jdbc.queryForObject("select city from customer_account where organization_id = ?", String.class,
                account.id())).isEqualTo("Berlin");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where organization_id = ? "
                + "and kind = 'ACCOUNT_DATA_CHANGED' and actor_user_id is null", Integer.class, account.id()))
                .isEqualTo(1);
    }

    @Test
    void a_name_and_address_change_raises_the_data_version_by_one_and_a_suspend_at_the_state_version_read_before_applies()
            throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String path = "/api/v1/provider/accounts/" + account.id();
        JsonNode read = JSON.readTree(get(path, token.secret()).body());
        long version = read.get("version").asLong();
        long dataVersion = read.get("dataVersion").asLong();

        HttpResponse<String> renamed = send("PUT", path, token.secret(), "{\"name\":\"Alice Umbenannt\","
                + "\"street\":\"Neue Straße 2\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\","
                + "\"dataVersion\":" + dataVersion + "}");
        HttpResponse<String> renamedOnly = send("PUT", path, token.secret(), "{\"name\":\"Alice Nochmal\","
                + "\"street\":\"Neue Straße 2\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\","
                + "\"dataVersion\":" + (dataVersion + 1) + "}");
        // the billing system suspends with the state version it read before both changes
        HttpResponse<String> suspended = send("POST", path + "/suspend", token.secret(),
                "{\"version\":" + version + ",\"reason\":\"Unpaid invoices\"}");

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(JSON.readTree(renamed.body()).get("dataVersion").asLong()).isEqualTo(dataVersion + 1);
        assertThat(JSON.readTree(renamed.body()).get("version").asLong()).isEqualTo(version);
        assertThat(renamedOnly.statusCode()).as(renamedOnly.body()).isEqualTo(200);
        assertThat(JSON.readTree(renamedOnly.body()).get("dataVersion").asLong()).isEqualTo(dataVersion + 2);
        assertThat(JSON.readTree(renamedOnly.body()).get("name").asString()).isEqualTo("Alice Nochmal");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(JSON.readTree(suspended.body()).get("state").asString()).isEqualTo("SUSPENDED");
        assertThat(JSON.readTree(suspended.body()).get("name").asString()).isEqualTo("Alice Nochmal");
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, account.id()))
                .isEqualTo("Alice Nochmal");
    }

    @Test
    void bad_input_on_a_change_is_a_422_with_the_field_in_the_words_of_the_ui_and_nothing_saved() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String path = "/api/v1/provider/accounts/" + account.id();
        JsonNode before = JSON.readTree(get(path, token.secret()).body());
        long dataVersion = before.get("dataVersion").asLong();

        String address = "\"street\":\"Neue Straße 2\",\"city\":\"Berlin\",\"country\":\"DE\",";
        HttpResponse<String> postal = send("PUT", path, token.secret(), "{\"name\":\"Renamed\",\"postalCode\":\"!\","
                + address + "\"dataVersion\":" + dataVersion + "}");
        HttpResponse<String> german = send("PUT", path, token.secret(), "{\"name\":\"Renamed\",\"postalCode\":\"!\","
                + address + "\"dataVersion\":" + dataVersion + "}", Map.of("Accept-Language", "de"));
        HttpResponse<String> noName = send("PUT", path, token.secret(), "{\"name\":\" \",\"postalCode\":\"10115\","
                + address + "\"dataVersion\":" + dataVersion + "}");
        HttpResponse<String> noVersion = send("PUT", path, token.secret(), "{\"name\":\"Renamed\","
                + "\"postalCode\":\"10115\"," + address.substring(0, address.length() - 1) + "}");

        assertThat(postal.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(postal.body()).get("field").asString()).isEqualTo("postalCode");
        assertThat(JSON.readTree(postal.body()).get("detail").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(JSON.readTree(german.body()).get("detail").asString())
                .isNotEqualTo(JSON.readTree(postal.body()).get("detail").asString());
        assertThat(JSON.readTree(noName.body()).get("field").asString()).isEqualTo("name");
        assertThat(JSON.readTree(noVersion.body()).get("field").asString()).isEqualTo("dataVersion");
        JsonNode after = JSON.readTree(get(path, token.secret()).body());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_fractional_version_or_a_member_given_twice_is_an_unreadable_request_and_nothing_is_saved() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String path = "/api/v1/provider/accounts/" + account.id();
        JsonNode before = JSON.readTree(get(path, token.secret()).body());
        long dataVersion = before.get("dataVersion").asLong();
        String address = "\"street\":\"Alte Straße 1\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"";

        // 3.9 was read as 3, and of two names the last one won: neither is what the client meant
        HttpResponse<String> fractional = send("PUT", path, token.secret(), "{\"name\":\"Alice Fraction\","
                + address + ",\"dataVersion\":" + dataVersion + ".9}");
        HttpResponse<String> twice = send("PUT", path, token.secret(), "{\"name\":\"Alice\",\"name\":\"Other\","
                + address + ",\"dataVersion\":" + dataVersion + "}");

        assertThat(fractional.statusCode()).as(fractional.body()).isEqualTo(400);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        assertThat(twice.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(get(path, token.secret()).body())).isEqualTo(before);
    }

    @Test
    void a_put_of_the_name_alone_or_a_street_alone_is_refused_naming_what_is_missing_and_nothing_is_saved()
            throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String path = "/api/v1/provider/accounts/" + account.id();
        long dataVersion = JSON.readTree(get(path, token.secret()).body()).get("dataVersion").asLong();
        String full = "{\"name\":\"Alice\",\"street\":\"Alte Straße 1\",\"postalCode\":\"10115\","
                + "\"city\":\"Berlin\",\"country\":\"DE\",\"dataVersion\":" + dataVersion + "}";
        assertThat(send("PUT", path, token.secret(), full).statusCode()).isEqualTo(200);
        JsonNode before = JSON.readTree(get(path, token.secret()).body());
        long now = before.get("dataVersion").asLong();

        HttpResponse<String> nameOnly = send("PUT", path, token.secret(), "{\"name\":\"Alice Renamed\","
                + "\"dataVersion\":" + now + "}");
        HttpResponse<String> streetOnly = send("PUT", path, token.secret(), "{\"street\":\"Neue Straße 9\","
                + "\"postalCode\":null,\"dataVersion\":" + now + "}");
        HttpResponse<String> german = send("PUT", path, token.secret(), "{\"name\":\"Alice Renamed\","
                + "\"dataVersion\":" + now + "}", Map.of("Accept-Language", "de"));

        assertThat(nameOnly.statusCode()).as(nameOnly.body()).isEqualTo(422);
        assertThat(nameOnly.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(nameOnly.body());
        assertThat(problem.get("field").asString()).isEqualTo("street");
        assertThat(problem.get("fields").valueStream().map(JsonNode::asString))
                .containsExactly("street", "postalCode", "city", "country");
        assertThat(problem.get("detail").asString()).isEqualTo("PUT replaces the account's name and address as a "
                + "whole: give street, postalCode, city, country too (an empty text clears a line of the address).");
        JsonNode street = JSON.readTree(streetOnly.body());
        assertThat(streetOnly.statusCode()).isEqualTo(422);
        assertThat(street.get("fields").valueStream().map(JsonNode::asString))
                .containsExactly("name", "postalCode", "city", "country");
        assertThat(JSON.readTree(german.body()).get("detail").asString()).startsWith("PUT ersetzt Name und Adresse "
                + "des Kontos als Ganzes");
        assertThat(JSON.readTree(get(path, token.secret()).body())).isEqualTo(before);

        // all of it given, empty lines clear the address: a whole replacement, said so
        HttpResponse<String> cleared = send("PUT", path, token.secret(), "{\"name\":\"Alice\",\"street\":\"\","
                + "\"postalCode\":\"\",\"city\":\"\",\"country\":\"\",\"dataVersion\":" + now + "}");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(JSON.readTree(cleared.body()).get("street").isNull()).isTrue();
        assertThat(JSON.readTree(cleared.body()).get("city").isNull()).isTrue();
    }

    @Test
    void suspend_reactivate_and_close_go_by_the_version_and_a_closed_account_stays_closed() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String path = "/api/v1/provider/accounts/" + account.id();
        long version = JSON.readTree(get(path, token.secret()).body()).get("version").asLong();

        HttpResponse<String> suspended = send("POST", path + "/suspend", token.secret(),
                "{\"version\":" + version + ",\"reason\":\"Unpaid invoices\"}");
        HttpResponse<String> stale = send("POST", path + "/reactivate", token.secret(), "{\"version\":" + version + "}");
        long now = JSON.readTree(suspended.body()).get("version").asLong();
        HttpResponse<String> reactivated = send("POST", path + "/reactivate", token.secret(),
                "{\"version\":" + now + "}");
        HttpResponse<String> closed = send("POST", path + "/close", token.secret(),
                "{\"version\":" + JSON.readTree(reactivated.body()).get("version").asLong() + "}");
        HttpResponse<String> again = send("POST", path + "/reactivate", token.secret(),
                "{\"version\":" + JSON.readTree(closed.body()).get("version").asLong() + "}");

        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(JSON.readTree(suspended.body()).get("state").asString()).isEqualTo("SUSPENDED");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(now);
        assertThat(JSON.readTree(reactivated.body()).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(JSON.readTree(closed.body()).get("state").asString()).isEqualTo("CLOSED");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select state from organization where id = ?", String.class, account.id()))
                .isEqualTo("CLOSED");
    }

    @Test
    void services_are_added_renamed_at_their_version_and_ended() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String services = "/api/v1/provider/accounts/" + account.id() + "/services";

        HttpResponse<String> added = send("POST", services, token.secret(), "{\"name\":\"Cluster A\",\"kind\":\"CLUSTER\"}");
        HttpResponse<String> taken = send("POST", services, token.secret(), "{\"name\":\"cluster a\",\"kind\":\"CLUSTER\"}");
        JsonNode service = JSON.readTree(added.body());
        String path = services + "/" + service.get("id").asLong();
        HttpResponse<String> renamed = send("PUT", path, token.secret(),
                "{\"name\":\"Cluster B\",\"version\":" + service.get("version").asLong() + "}");
        HttpResponse<String> stale = send("PUT", path, token.secret(),
                "{\"name\":\"Cluster C\",\"version\":" + service.get("version").asLong() + "}");
        HttpResponse<String> ended = send("POST", path + "/end", token.secret(),
                "{\"version\":" + JSON.readTree(renamed.body()).get("version").asLong() + "}");
        HttpResponse<String> foreign = send("PUT", services + "/99999999", token.secret(),
                "{\"name\":\"Cluster D\",\"version\":0}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(taken.body()).get("field").asString()).isEqualTo("name");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(JSON.readTree(renamed.body()).get("name").asString()).isEqualTo("Cluster B");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("currentVersion").asLong())
                .isEqualTo(JSON.readTree(renamed.body()).get("version").asLong());
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(JSON.readTree(ended.body()).get("endedAt").isNull()).isFalse();
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get(services, token.secret()).body())).hasSize(1);
    }

    @Test
    void a_first_manager_is_invited_only_to_an_account_without_an_active_manager() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        long fresh = JSON.readTree(send("POST", "/api/v1/provider/accounts", token.secret(),
                "{\"name\":\"Unanswered\",\"managerEmail\":\"gone@unanswered.test\",\"managerName\":\"Gone\"}")
                .body()).get("id").asLong();

        HttpResponse<String> invited = send("POST", "/api/v1/provider/accounts/" + fresh + "/manager-invitations",
                token.secret(), "{\"email\":\"next@unanswered.test\",\"name\":\"Next\"}");
        HttpResponse<String> managed = send("POST", "/api/v1/provider/accounts/" + account.id()
                + "/manager-invitations", token.secret(), "{\"email\":\"intruder@example.test\",\"name\":\"In\"}");
        HttpResponse<String> bad = send("POST", "/api/v1/provider/accounts/" + fresh + "/manager-invitations",
                token.secret(), "{\"email\":\"next\",\"name\":\"Next\"}");

        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(202);
        assertThat(jdbc.queryForList("select m.state from membership m where m.organization_id = ?", String.class,
                fresh)).containsOnly("INVITED").hasSize(2);
        assertThat(managed.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(managed.body()).get("detail").asString()).contains("active manager");
        assertThat(jdbc.queryForObject("select count(*) from membership m join app_user u on u.id = m.user_id "
                + "where u.email = 'intruder@example.test'", Integer.class)).isZero();
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("field").asString()).isEqualTo("email");
    }

    @Test
    void a_provider_read_token_reads_the_contact_person_and_the_contacts_page_by_page() throws Exception {
        IssuedToken token = providerToken(ApiScope.READ);
        for (String name : List.of("Ann", "Ben", "Cem")) {
            contactProvisioning.importContact(TestTasks.setUp(), account.id(), null, name, "Night",
                    name.toLowerCase() + "-" + account.tag() + "@night.test", null, null, Set.of(ContactType.TECHNICAL));
        }

        JsonNode person = JSON.readTree(get("/api/v1/provider/accounts/" + account.id() + "/contact-person",
                token.secret()).body());
        JsonNode first = JSON.readTree(get("/api/v1/provider/accounts/" + account.id() + "/contacts?limit=2",
                token.secret()).body());
        JsonNode second = JSON.readTree(get("/api/v1/provider/accounts/" + account.id() + "/contacts?limit=2&cursor="
                + first.get("nextCursor").asString(), token.secret()).body());

        assertThat(person.get("email").asString()).isEqualTo(account.email("Alice"));
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(first.get("items").get(0).get("firstName").asString()).isEqualTo("Ann");
        assertThat(send("POST", "/api/v1/organizations/" + account.id() + "/contacts", token.secret(), "{}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void accounts_changed_since_a_time_page_by_changed_at_and_id_and_a_change_moves_an_account_to_the_end()
            throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            created.add(JSON.readTree(send("POST", "/api/v1/provider/accounts", token.secret(),
                    "{\"name\":\"Sync " + i + "\",\"managerEmail\":\"sync" + i + "@sync.test\",\"managerName\":\"S\"}")
                    .body()).get("id").asLong());
        }
        Instant since = Instant.parse(JSON.readTree(get("/api/v1/provider/accounts/" + created.get(0),
                token.secret()).body()).get("changedAt").asString());
        clock.advance(Duration.ofSeconds(1));
        long dataVersion = JSON.readTree(get("/api/v1/provider/accounts/" + created.get(0), token.secret()).body())
                .get("dataVersion").asLong();
        assertThat(send("PUT", "/api/v1/provider/accounts/" + created.get(0), token.secret(),
                "{\"name\":\"Sync 0 renamed\",\"street\":\"\",\"postalCode\":\"\",\"city\":\"\",\"country\":\"\","
                        + "\"dataVersion\":" + dataVersion + "}").statusCode()).isEqualTo(200);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = JSON.readTree(get("/api/v1/provider/accounts?limit=2&changedSince=" + since
                    + (cursor == null ? "" : "&cursor=" + cursor), token.secret()).body());
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly(created.get(1), created.get(2), created.get(0));
        assertThat(seen).doesNotContain(account.id());
        assertThat(get("/api/v1/provider/accounts?cursor=bm9wZQ", token.secret()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/provider/accounts?changedSince=yesterday", token.secret()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_create_with_an_idempotency_key_makes_one_account() throws Exception {
        IssuedToken token = providerToken(ApiScope.WRITE);
        String body = "{\"name\":\"Once\",\"managerEmail\":\"once@once.test\",\"managerName\":\"O\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "crm-" + UUID.randomUUID());

        HttpResponse<String> first = send("POST", "/api/v1/provider/accounts", token.secret(), body, key);
        HttpResponse<String> again = send("POST", "/api/v1/provider/accounts", token.secret(), body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("select count(*) from organization where name = 'Once' and ancestor_path = ?",
                Integer.class, "/" + providerId + "/")).isEqualTo(1);
    }

    @Test
    void a_partners_tokens_are_answered_404_on_every_provider_endpoint_and_the_attempt_is_audited() throws Exception {
        IssuedToken write = fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(),
                "Token " + UUID.randomUUID(), ApiScope.WRITE, today().plusDays(30), java.time.ZoneOffset.UTC));
        IssuedToken read = fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(),
                "Token " + UUID.randomUUID(), ApiScope.READ, today().plusDays(30), java.time.ZoneOffset.UTC));
        int auditedBefore = refusals(partner.id());

        for (Call call : calls()) {
            HttpResponse<String> response = send(call.method(), call.path(), write.secret(), call.body());
            assertThat(response.statusCode()).as(call.method() + " " + call.path()).isEqualTo(404);
            int readStatus = send(call.method(), call.path(), read.secret(), call.body()).statusCode();
            assertThat(readStatus).as("read token " + call.method() + " " + call.path())
                    .isEqualTo(call.method().equals("GET") ? 404 : 403);
        }
        assertThat(refusals(partner.id())).isGreaterThan(auditedBefore);
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, account.id()))
                .doesNotContain("Hijacked");
    }

    @Test
    void a_provider_read_token_is_refused_every_write_and_another_providers_token_finds_nothing() throws Exception {
        IssuedToken read = providerToken(ApiScope.READ);
        TestPartner elsewhere = fixtures.partner("Elsewhere");
        long otherProvider = jdbc.queryForObject("select parent_id from organization where id = ?", Long.class,
                elsewhere.id());
        String otherAdmin = fixtures.person("OtherOperator");
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(otherAdmin), otherProvider,
                MembershipRole.PROVIDER_ADMINISTRATOR);
        IssuedToken foreign = fixtures.as(otherAdmin, () -> tokens.create(otherProvider, "Other " + UUID.randomUUID(),
                ApiScope.WRITE, today().plusDays(30), java.time.ZoneOffset.UTC));

        for (Call call : calls()) {
            int status = send(call.method(), call.path(), read.secret(), call.body()).statusCode();
            if (call.method().equals("GET")) {
                assertThat(status).as(call.path()).isEqualTo(200);
            } else {
                assertThat(status).as(call.method() + " " + call.path()).isEqualTo(403);
            }
            if (call.path().contains("/accounts/")) {
                assertThat(send(call.method(), call.path(), foreign.secret(), call.body()).statusCode())
                        .as("foreign " + call.method() + " " + call.path()).isEqualTo(404);
            }
        }
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, account.id()))
                .doesNotContain("Hijacked");
    }

    @Test
    void no_malformed_expired_and_revoked_tokens_are_answered_401_on_the_provider_endpoints() throws Exception {
        IssuedToken expiring = fixtures.as(admin, () -> tokens.create(providerId, "Expiring " + UUID.randomUUID(),
                ApiScope.WRITE, today(), java.time.ZoneOffset.UTC));
        IssuedToken revoked = providerToken(ApiScope.WRITE);
        fixtures.as(admin, () -> tokens.revoke(providerId, revoked.token().id()));
        clock.advance(Duration.ofDays(2));

        for (String secret : java.util.Arrays.asList(null, "not a token", ApiTokens.PREFIX + "x".repeat(43),
                expiring.secret(), revoked.secret())) {
            for (Call call : calls()) {
                assertThat(send(call.method(), call.path(), secret, call.body()).statusCode())
                        .as(secret + " " + call.method() + " " + call.path()).isEqualTo(401);
            }
        }
    }

    @Test
    void a_suspended_account_grants_a_partners_token_nothing_and_a_suspended_partners_token_authenticates_nobody()
            throws Exception {
        partnerProvisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                java.util.EnumSet.of(dev.kontor.organization.OrganizationRight.VIEW,
                        dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS),
                account.email("Alice"), account.userId("Alice"));
        IssuedToken partnerToken = fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(),
                "Token " + UUID.randomUUID(), ApiScope.WRITE, today().plusDays(30), java.time.ZoneOffset.UTC));
        IssuedToken provider = providerToken(ApiScope.WRITE);
        String contacts = "/api/v1/organizations/" + account.id() + "/contacts";
        String path = "/api/v1/provider/accounts/" + account.id();
        assertThat(get(contacts, partnerToken.secret()).statusCode()).isEqualTo(200);

        long version = JSON.readTree(get(path, provider.secret()).body()).get("version").asLong();
        assertThat(send("POST", path + "/suspend", provider.secret(), "{\"version\":" + version + "}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> inSuspended = get(contacts, partnerToken.secret());
        HttpResponse<String> added = send("POST", contacts, partnerToken.secret(), "{\"firstName\":\"Nora\","
                + "\"lastName\":\"Night\",\"email\":\"nora@night.test\",\"types\":[\"TECHNICAL\"]}");
        long suspendedVersion = JSON.readTree(get(path, provider.secret()).body()).get("version").asLong();
        send("POST", path + "/reactivate", provider.secret(), "{\"version\":" + suspendedVersion + "}");
        long partnerVersion = jdbc.queryForObject("select version from organization where id = ?", Long.class,
                partner.id());
        fixtures.as(admin, () -> partnerAdministration.suspend(partner.id(), partnerVersion, null));
        HttpResponse<String> ofSuspendedPartner = get("/api/v1/partner/customers", partnerToken.secret());

        assertThat(inSuspended.statusCode()).isEqualTo(404);
        assertThat(added.statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                account.id())).isZero();
        assertThat(ofSuspendedPartner.statusCode()).isEqualTo(401);
        assertThat(get(contacts, partnerToken.secret()).statusCode()).isEqualTo(401);
    }

    private record Call(String method, String path, String body) {
    }

    /** Every provider endpoint, aimed at this test's account (with a body that would change it). */
    private List<Call> calls() {
        String account = "/api/v1/provider/accounts/" + this.account.id();
        return List.of(
                new Call("GET", "/api/v1/provider/accounts", ""),
                new Call("POST", "/api/v1/provider/accounts",
                        "{\"name\":\"Hijacked\",\"managerEmail\":\"h@hijacked.test\",\"managerName\":\"H\"}"),
                new Call("GET", account, ""),
                new Call("PUT", account, "{\"name\":\"Hijacked\",\"dataVersion\":0}"),
                new Call("POST", account + "/suspend", "{\"version\":0}"),
                new Call("POST", account + "/reactivate", "{\"version\":0}"),
                new Call("POST", account + "/close", "{\"version\":0}"),
                new Call("POST", account + "/manager-invitations", "{\"email\":\"h@hijacked.test\",\"name\":\"H\"}"),
                new Call("GET", account + "/contact-person", ""),
                new Call("GET", account + "/contacts", ""),
                new Call("GET", account + "/services", ""),
                new Call("POST", account + "/services", "{\"name\":\"Hijacked\",\"kind\":\"CLUSTER\"}"),
                new Call("PUT", account + "/services/1", "{\"name\":\"Hijacked\",\"version\":0}"),
                new Call("POST", account + "/services/1/end", "{\"version\":0}"),
                new Call("POST", "/api/v1/provider/partners",
                        "{\"name\":\"Hijacked\",\"representativeEmail\":\"h@hijacked.test\",\"representativeName\":\"H\"}"));
    }

    private int refusals(long organizationId) {
        return jdbc.queryForObject("select count(*) from audit_event where organization_id = ? "
                + "and kind = 'PROVIDER_ADMINISTRATION_REFUSED'", Integer.class, organizationId);
    }

    private String providerName() {
        return jdbc.queryForObject("select name from organization where id = ?", String.class, providerId);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private IssuedToken providerToken(ApiScope scope) {
        return fixtures.as(admin, () -> tokens.create(providerId, "Billing " + UUID.randomUUID(), scope,
                today().plusDays(30), java.time.ZoneOffset.UTC));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, "");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String token, String body,
                                      Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
