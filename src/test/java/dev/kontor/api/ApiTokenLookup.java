package dev.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.PartnerTokenRules;
import dev.kontor.partner.RelationshipAnswers;
import dev.kontor.partner.TestRequests;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import dev.kontor.user.AuthenticatedUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issuing tokens, finding the caller by a token's secret, and what a token holds: run on H2 and on PostgreSQL by the
 * subclasses, since the lookup and the "last used" update are statements of their own.
 */
abstract class ApiTokenLookup {

    @Autowired
    ApiTokens tokens;

    @Autowired
    ApiTokenAuthentication authentication;

    @Autowired
    OrganizationAccess access;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestRequests requests;

    @Autowired
    RelationshipAnswers answers;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotentCreates idempotent;

    @Autowired
    PartnerTokenRules tokenRules;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_token_is_found_by_its_secret_and_acts_as_its_partner_not_as_its_creator() {
        TestPartner partner = fixtures.partner("Lookup");
        IssuedToken issued = issue(partner, ApiScope.WRITE, 30);

        AuthenticatedUser caller = authentication.authenticate(issued.secret()).orElseThrow();

        assertThat(caller.apiToken()).hasValueSatisfying(token -> {
            assertThat(token.organizationId()).isEqualTo(partner.id());
            assertThat(token.provider()).isFalse();
            assertThat(token.mayWrite()).isTrue();
            assertThat(token.actorName()).isEqualTo("API token \u201c" + issued.token().name() + "\u201d of "
                    + partner.name());
        });
        assertThat(caller.userId()).isNegative().isNotEqualTo(partner.legalUserId());
        assertThat(jdbc.queryForObject("select count(*) from app_user where id = ?", Integer.class,
                caller.userId())).isZero();
    }

    @Test
    void a_wrong_expired_or_revoked_secret_finds_nobody() {
        TestPartner partner = fixtures.partner("Nobody");
        IssuedToken expiring = issue(partner, ApiScope.READ, 0);
        IssuedToken revoked = issue(partner, ApiScope.READ, 30);
        fixtures.as(partner.legalEmail(), () -> tokens.revoke(partner.id(), revoked.token().id()));

        assertThat(authentication.authenticate(expiring.secret())).isPresent();
        assertThat(authentication.authenticate(revoked.secret())).isEmpty();
        String secret = expiring.secret();
        String oneCharacterOff = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        assertThat(authentication.authenticate(oneCharacterOff)).isEmpty();
        assertThat(authentication.authenticate(expiring.secret().substring(ApiTokens.PREFIX.length()))).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(authentication.authenticate(expiring.secret())).isEmpty();
    }

    @Test
    void last_use_is_written_at_most_once_a_minute() {
        TestPartner partner = fixtures.partner("Touch");
        IssuedToken issued = issue(partner, ApiScope.READ, 30);

        authentication.authenticate(issued.secret());
        Instant first = lastUsed(issued);
        clock.advance(Duration.ofSeconds(59));
        authentication.authenticate(issued.secret());
        Instant second = lastUsed(issued);
        clock.advance(Duration.ofSeconds(2));
        authentication.authenticate(issued.secret());

        assertThat(second).isEqualTo(first);
        assertThat(lastUsed(issued)).isAfter(first);
    }

    @Test
    void a_partner_token_holds_in_a_customer_exactly_what_the_customer_granted_and_nothing_elsewhere() {
        TestPartner partner = fixtures.partner("Rights");
        TestAccount granting = fixtures.account("Alice");
        TestAccount stranger = fixtures.account("Bob");
        Set<OrganizationRight> granted = EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_CONTACTS);
        TestRequests.Request request = requests.request(partner.id(), granting.id(), granting.email("Alice"),
                granted, partner.legalUserId());
        fixtures.as(granting.email("Alice"), () -> answers.accept(request.token(), granted, null));
        AuthenticatedUser caller = authentication.authenticate(issue(partner, ApiScope.WRITE, 30).secret())
                .orElseThrow();

        assertThat(as(caller, () -> access.rightsIn(granting.id()))).isEqualTo(granted);
        assertThat(as(caller, () -> access.rightsIn(stranger.id()))).isEmpty();
        assertThat(as(caller, () -> access.rightsIn(partner.id()))).containsExactlyInAnyOrder(
                OrganizationRight.values());
    }

    @Test
    void only_legal_representatives_issue_a_partners_tokens_and_a_token_issues_none() {
        TestPartner partner = fixtures.partner("Issuers");
        AuthenticatedUser caller = authentication.authenticate(issue(partner, ApiScope.WRITE, 30).secret())
                .orElseThrow();

        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> tokens.create(partner.id(), "Mine",
                ApiScope.WRITE, today().plusDays(5), java.time.ZoneOffset.UTC))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> as(caller, () -> tokens.create(partner.id(), "Child", ApiScope.WRITE,
                today().plusDays(5), java.time.ZoneOffset.UTC))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> as(caller, () -> tokens.tokens(partner.id()))).isInstanceOf(AccessRefused.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'API_TOKEN_REFUSED' "
                + "and organization_id = ?", Integer.class, partner.id())).isEqualTo(3);
    }

    @Test
    void a_token_lives_at_most_a_year_and_its_name_is_unique_in_its_organization() {
        TestPartner partner = fixtures.partner("Limits");
        IssuedToken first = issue(partner, ApiScope.READ, 30);

        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(), "Long",
                ApiScope.READ, today().plusDays(ApiTokens.MAX_DAYS), java.time.ZoneOffset.UTC)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("expiresOn"));
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(),
                first.token().name(), ApiScope.READ, today().plusDays(5), java.time.ZoneOffset.UTC)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(), "Past",
                ApiScope.READ, today().minusDays(1), java.time.ZoneOffset.UTC)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("expiresOn"));
    }

    @Test
    void another_partners_token_cannot_be_revoked_through_ones_own_partner() {
        TestPartner mine = fixtures.partner("Mine");
        TestPartner foreign = fixtures.partner("Foreign");
        IssuedToken theirs = issue(foreign, ApiScope.READ, 30);

        assertThatThrownBy(() -> fixtures.as(mine.legalEmail(), () -> tokens.revoke(mine.id(),
                theirs.token().id()))).isInstanceOf(AccessRefused.class);
        assertThat(authentication.authenticate(theirs.secret())).isPresent();
    }

    @Test
    void a_create_with_an_idempotency_key_is_kept_and_answered_again_on_this_database() {
        TestPartner partner = fixtures.partner("Idempotent");
        AuthenticatedUser caller = authentication.authenticate(issue(partner, ApiScope.WRITE, 30).secret())
                .orElseThrow();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(IdempotentCreates.HEADER, "sync-" + UUID.randomUUID());
        AtomicInteger made = new AtomicInteger();
        Supplier<Object> create = () -> Map.of("made", made.incrementAndGet());

        ResponseEntity<Object> first = as(caller, () -> idempotent.create(request, Map.of("name", "x"), create));
        ResponseEntity<Object> again = as(caller, () -> idempotent.create(request, Map.of("name", "x"), create));

        assertThat(made).hasValue(1);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_tokens_work_in_a_customer_is_told_to_its_contact_person_at_most_once_an_hour_on_this_database() {
        TestPartner partner = fixtures.partner("Noticed");
        TestAccount granting = fixtures.account("Carla");
        Set<OrganizationRight> granted = EnumSet.of(OrganizationRight.VIEW);
        TestRequests.Request request = requests.request(partner.id(), granting.id(), granting.email("Carla"),
                granted, partner.legalUserId());
        fixtures.as(granting.email("Carla"), () -> answers.accept(request.token(), granted, null));
        jdbc.update("delete from access_policy where customer_id = ?", granting.id());
        jdbc.update("insert into access_policy (customer_id, require_reason, notify_contact_person, version) "
                + "values (?, false, true, 0)", granting.id());
        AuthenticatedUser caller = authentication.authenticate(issue(partner, ApiScope.READ, 30).secret())
                .orElseThrow();
        var token = caller.apiToken().orElseThrow();
        Supplier<Instant> told = () -> jdbc.queryForObject("select last_notified_at from api_token_notice "
                + "where token_id = ? and customer_id = ?", java.sql.Timestamp.class, token.tokenId(),
                granting.id()).toInstant();

        as(caller, () -> { tokenRules.admit(token, granting.id()); return null; });
        Instant first = told.get();
        clock.advance(Duration.ofMinutes(30));
        as(caller, () -> { tokenRules.admit(token, granting.id()); return null; });
        assertThat(told.get()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(31));
        as(caller, () -> { tokenRules.admit(token, granting.id()); return null; });

        assertThat(told.get()).isAfter(first);
    }

    private Instant lastUsed(IssuedToken issued) {
        return jdbc.queryForObject("select last_used_at from api_token where id = ?", java.sql.Timestamp.class,
                issued.token().id()).toInstant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private IssuedToken issue(TestPartner partner, ApiScope scope, int days) {
        return fixtures.as(partner.legalEmail(), () -> tokens.create(partner.id(),
                "Token " + UUID.randomUUID(), scope, today().plusDays(days), java.time.ZoneOffset.UTC));
    }

    private static <T> T as(AuthenticatedUser caller, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                caller.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
