package dev.kontor.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import dev.kontor.account.ManagerService;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.base.ui.NotFoundView;
import dev.kontor.base.ui.RefusalView;
import dev.kontor.contact.ui.ClosedEmailChangeView;
import dev.kontor.corpus.BadInputs.LogCapture;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.ui.ClosedInvitationView;
import dev.kontor.partner.ui.ClosedRequestView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bad-input corpus on the public pages and the addresses that carry an id (browserless): forged, malformed,
 * oversized, expired and used tokens, and tampered customer numbers and tenant ids. Each gets a clear page of its
 * own (a closed link, not found, refused), changes nothing, shows the junk only as text and logs nothing above WARN.
 */
@ViewTest
class PageCorpusTest extends SpringBrowserlessTest {

    private static int tried;

    /** Tokens nobody was given: random, malformed, oversized, with markup, SQL, traversal and hidden characters. */
    private static final List<String> JUNK_TOKENS = List.of(
            "forged-token", UUID.randomUUID().toString(), "A".repeat(43), "x".repeat(10_000), "<script>alert(1)</script>",
            "' OR '1'='1", "..%2F..%2Fetc%2Fpasswd", "%00", "token\u202Ereversed", "🥐🥐🥐", "-1", "0");

    /** Customer numbers as an attacker edits them in the address bar. */
    private static final List<String> TAMPERED_ACCOUNTS = List.of(
            "CN-10002", "CN-10003", "CN-abc", "CN-99999999999999999999", "CN--1", "CN-0", "CN-", "10002", "cn-10001x",
            "CN-10001%20OR%201=1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "CN-" + "9".repeat(5_000));

    /** Tenant ids as an attacker edits them: not numbers, negative, huge, another owner's. */
    private static final List<String> TAMPERED_TENANTS = List.of(
            "abc", "-1", "0", "99999999999999999999", "9223372036854775807", "1e3", "%20", "1;DROP TABLE tenant");

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagerService managers;
    @Autowired
    InvitationService invitations;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Stream<Arguments> addresses() {
        List<Arguments> cases = new ArrayList<>();
        for (String token : JUNK_TOKENS) {
            String path = URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
            cases.add(Arguments.of("invitation/" + path, null, Set.of(ClosedInvitationView.class)));
            cases.add(Arguments.of("partner-request/" + path, null, Set.of(ClosedRequestView.class)));
            cases.add(Arguments.of("contact-email/" + path, null, Set.of(ClosedEmailChangeView.class)));
        }
        for (String number : TAMPERED_ACCOUNTS) {
            cases.add(Arguments.of("accounts/" + number, DemoPeople.ANNA,
                    Set.of(RefusalView.class, NotFoundView.class)));
            if (!number.endsWith("10002")) { // the employee's own customer
                cases.add(Arguments.of("access/" + number, DemoPeople.EMPLOYEE,
                        Set.of(RefusalView.class, NotFoundView.class, AccessDeniedView.class)));
            }
        }
        for (String tenant : TAMPERED_TENANTS) {
            cases.add(Arguments.of("tenant/" + tenant, DemoPeople.ANNA,
                    Set.of(RefusalView.class, NotFoundView.class)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("addresses")
    void a_forged_token_or_tampered_address_gets_a_clear_page_and_changes_nothing(String path, String person,
            Set<Class<? extends Component>> clearPages) {
        tried++;
        if (person != null) {
            fixtures.signIn(person);
        }
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        try (LogCapture log = new LogCapture()) {
            UI.getCurrent().navigate(path);

            assertThat(getCurrentView().getClass()).as(path).isIn(clearPages.toArray());
            assertPlainPage(path);
            assertThat(log.aboveWarn()).as("log above WARN").isEmpty();
        }
        assertThat(BadInputs.snapshot(jdbc)).as("rows and versions").isEqualTo(before);
    }

    /**
     * The router hands a page its id still encoded, so an id with an encoded space reads as no id of the page and
     * shows the not-found page, as the first answer's 404 says ({@code PageStatusHttpTest}); the same id without it
     * opens the page.
     */
    @Test
    void an_id_with_an_encoded_space_is_no_id_and_shows_the_not_found_page() {
        long ownTenant = jdbc.queryForObject("select id from organization where name = ?", Long.class,
                "Sonnenschein Filiale Süd");
        Map<String, String> pathsByPerson = Map.of(
                "accounts/CN-10001%20", DemoPeople.ANNA,
                "tenant/T-" + ownTenant + "%20", DemoPeople.ANNA,
                "tenant/" + ownTenant + "%20", DemoPeople.ANNA,
                "access/CN-10002%20", DemoPeople.EMPLOYEE,
                "admin/accounts/CN-10001%20", DemoPeople.OPERATOR);
        pathsByPerson.forEach((path, person) -> {
            fixtures.signIn(person);
            UI.getCurrent().navigate(path);
            assertThat(getCurrentView().getClass()).as(path + " as " + person).isEqualTo(NotFoundView.class);

            UI.getCurrent().navigate(path.replace("%20", ""));
            assertThat(getCurrentView().getClass()).as(path + " without the space, as " + person)
                    .isNotIn(NotFoundView.class, RefusalView.class, AccessDeniedView.class);
        });
    }

    /** The token reaches the page as the address spells it: an open one with an encoded letter is unknown. */
    @Test
    void an_open_token_spelled_with_an_encoded_letter_shows_the_closed_link_page() {
        String token = invitationToken();
        String spelledEncoded = "%" + Integer.toHexString(token.charAt(0)).toUpperCase(Locale.ROOT)
                + token.substring(1);

        navigate("invitation/" + spelledEncoded, ClosedInvitationView.class);
        navigate("invitation/" + token, dev.kontor.invitation.ui.InvitationView.class);
    }

    @Test
    void a_used_and_an_expired_invitation_and_a_second_acceptance_get_clear_pages_and_change_nothing() {
        String used = invitationToken();
        invitations.accept(used, "blue harbour lanterns sing quietly");
        String expired = invitationToken();
        clock.advance(Duration.ofDays(8));

        for (String token : List.of(used, expired)) {
            tried++;
            Map<String, Long> before = BadInputs.snapshot(jdbc);
            try (LogCapture log = new LogCapture()) {
                navigate("invitation/" + token, ClosedInvitationView.class);
                assertPlainPage(token);
                assertThat(log.aboveWarn()).isEmpty();
            }
            assertThat(BadInputs.snapshot(jdbc)).isEqualTo(before);
        }
        assertThat(getCurrentView().getElement().getTextRecursively()).containsIgnoringCase("expired");
    }

    private String invitationToken() {
        TestAccount account = fixtures.account("Alice");
        String email = "corpus-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Petra Probe",
                Locale.ENGLISH));
        SecurityContextHolder.clearContext();
        return outbox.invitationTokenFor(email);
    }

    /** No stack trace or exception name on the page, and nothing of the address taken as markup. */
    private void assertPlainPage(String path) {
        String text = getCurrentView().getElement().getTextRecursively();
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.kontor.");
        assertThat(find(Html.class).all()).noneMatch(html -> html.getInnerHtml().contains("<script"));
        assertThat(getCurrentView().getElement().getOuterHTML()).doesNotContain("<script");
    }

    @AfterAll
    static void count() {
        BadInputs.report("pages", tried);
    }
}
