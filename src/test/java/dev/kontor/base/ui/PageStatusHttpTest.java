package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.security.SecondFactors;
import dev.kontor.security.SecondStepAccess;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.HttpSignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A signed-in person's first answer over real HTTP carries the status of the page it shows: the not-found page 404,
 * a page the person's roles do not allow and the refusal page 403, whether the id names something of someone else's,
 * nothing at all, or an organization of another kind; an address that cannot hold an id 404. The same for partners'
 * access page and the provider's administration pages. The body is the same Vaadin page in every case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kontor.demo-data.enabled=true")
@ActiveProfiles("test")
class PageStatusHttpTest {


    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecondFactors secondFactors;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void each_first_answer_says_what_its_page_shows_and_an_unknown_id_reads_as_someone_elses() throws Exception {
        String anna = signIn(DemoPeople.ANNA);
        long ownTenant = idOf("Sonnenschein Filiale Süd");
        long partnersTenant = idOf("Muster Vorlagen");
        long ownAccount = idOf("Bäckerei Sonnenschein");

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/", 200);
        expected.put("/tenant/T-" + ownTenant, 200);
        expected.put("/accounts/CN-10001", 200);
        expected.put("/no/such/page", 404);
        expected.put("/admin/accounts", 403);
        expected.put("/tenant/T-" + partnersTenant, 403);
        expected.put("/tenant/T-999999999", 403);
        expected.put("/tenant/T-" + ownAccount, 403);
        expected.put("/tenant/" + ownAccount, 403);
        expected.put("/tenant/abc", 404);
        expected.put("/accounts/CN-10002", 403);
        expected.put("/accounts/CN-99999999", 403);
        expected.put("/accounts/no-number", 404);

        Map<String, Integer> answered = new LinkedHashMap<>();
        for (String path : expected.keySet()) {
            HttpResponse<String> response = get(path, anna);
            answered.put(path, response.statusCode());
            assertThat(response.body()).as("body of " + path).contains("<html").doesNotContain("Exception");
        }
        assertThat(answered).isEqualTo(expected);
    }

    @Test
    void the_access_and_administration_pages_refuse_an_unknown_id_as_someone_elses() throws Exception {
        String employee = signIn(DemoPeople.EMPLOYEE);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/access/CN-10002", 200);
        expected.put("/access/CN-10001", 403);
        expected.put("/access/CN-10003", 403);
        expected.put("/access/CN-99999999", 403);
        expected.put("/access/no-number", 404);
        expected.put("/admin/accounts/CN-10001", 403);
        assertThat(answers(expected.keySet(), employee)).isEqualTo(expected);

        String operator = signIn(DemoPeople.OPERATOR);
        long partner = idOf("Muster Hosting GmbH");
        long account = idOf("Bäckerei Sonnenschein");
        expected.clear();
        expected.put("/admin/accounts/CN-10001", 200);
        expected.put("/admin/accounts/cn10001", 200);
        expected.put("/admin/accounts/" + account, 403);
        expected.put("/admin/accounts/CN-99999999", 403);
        expected.put("/admin/accounts/abc", 404);
        expected.put("/admin/partners/" + partner, 200);
        expected.put("/admin/partners/" + account, 403);
        expected.put("/admin/partners/999999999", 403);
        expected.put("/admin/partners/abc", 404);
        expected.put("/access/CN-10001", 403);
        assertThat(answers(expected.keySet(), operator)).isEqualTo(expected);
    }

    /**
     * The router hands a page its id as the address spells it, still encoded, so an id with an encoded space or an
     * encoded letter is no id of the page, which shows the not-found page; the first answer says 404 for it, not the
     * status of the id it would be once decoded and trimmed. A static part of the address is matched decoded, as
     * the router matches it.
     */
    @Test
    void an_id_the_router_reads_as_no_id_answers_404_however_its_decoded_form_reads() throws Exception {
        String anna = signIn(DemoPeople.ANNA);
        long ownTenant = idOf("Sonnenschein Filiale Süd");
        long partnersTenant = idOf("Muster Vorlagen");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/accounts/CN-10001%20", 404);
        expected.put("/accounts/%20CN-10001", 404);
        expected.put("/accounts/CN%2D10001", 404);
        expected.put("/accounts/CN-10002%20", 404);
        expected.put("/accounts/CN-10001/", 200);
        expected.put("/%61ccounts/CN-10001", 200);
        expected.put("/%61ccounts/CN-10002", 403);
        expected.put("/tenant/T-" + ownTenant + "%20", 404);
        expected.put("/tenant/" + ownTenant + "%20", 404);
        expected.put("/tenant/T-" + partnersTenant + "%20", 404);
        expected.put("/tenant/T%2D" + ownTenant, 404);
        assertThat(answers(expected.keySet(), anna)).isEqualTo(expected);

        String employee = signIn(DemoPeople.EMPLOYEE);
        expected.clear();
        expected.put("/access/CN-10002%20", 404);
        expected.put("/access/CN-10001%20", 404);
        expected.put("/access/CN-10002", 200);
        assertThat(answers(expected.keySet(), employee)).isEqualTo(expected);

        String operator = signIn(DemoPeople.OPERATOR);
        long partner = idOf("Muster Hosting GmbH");
        expected.clear();
        expected.put("/admin/accounts/CN-10001%20", 404);
        expected.put("/admin/accounts/CN-99999999%20", 404);
        expected.put("/admin/accounts/cn10001%20", 404);
        expected.put("/admin/partners/" + partner + "%20", 404);
        expected.put("/admin/%61ccounts/CN-10001", 200);
        // a route the person's roles do not allow is refused before its id is read, by the router as here
        expected.put("/access/CN-10001%20", 403);
        assertThat(answers(expected.keySet(), operator)).isEqualTo(expected);
    }

    private Map<String, Integer> answers(Iterable<String> paths, String cookie) throws Exception {
        Map<String, Integer> answered = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> response = get(path, cookie);
            answered.put(path, response.statusCode());
            assertThat(response.body()).as("body of " + path).contains("<html").doesNotContain("Exception");
        }
        return answered;
    }

    private long idOf(String name) {
        return jdbc.queryForObject("select id from organization where name = ?", Long.class, name);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(String email) throws Exception {
        // people with an authenticator sign in from a remembered browser: the code step is a page of its own
        String remembered = DemoPeople.AUTHENTICATORS.containsKey(email)
                ? "; " + SecondStepAccess.rememberedBrowserCookie(secondFactors, jdbc.queryForObject(
                        "select id from app_user where email = ?", Long.class, email))
                : "";
        return HttpSignIn.cookies(client, port, email, remembered);
    }
}
