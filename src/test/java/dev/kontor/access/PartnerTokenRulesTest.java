package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.api.ApiScope;
import dev.kontor.api.ApiTokens;
import dev.kontor.api.IssuedToken;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.NewTenant;
import dev.kontor.tenant.TenantDetails;
import dev.kontor.tenant.TenantService;
import dev.kontor.tenant.TenantType;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.user.ApiTokenIdentity;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Roles;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The customer's rules for partner access hold for a partner's API token too, in the services: where the customer
 * requires a reason, the token is refused in its account and its tenants without one (audited, nothing done), and the
 * contact person is told of the token's work at most once an hour per token; the partner's own organization is not
 * the customer's to rule.
 */
@IntegrationTest
class PartnerTokenRulesTest {

    private static final String HEADER = "Kontor-Access-Reason";

    @Autowired
    AccessPolicyService policies;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    ContactService contacts;

    @Autowired
    TenantService tenants;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private Fixtures.TestPartner partner;
    private Fixtures.TestAccount account;
    private ApiTokenIdentity token;

    @BeforeEach
    void aPartnershipAndAPartnerToken() {
        partner = fixtures.partner("Tokened");
        account = fixtures.account("Alice", "Bob");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_CONTACTS,
                        OrganizationRight.MANAGE_TENANTS), account.email("Alice"), account.userId("Alice"));
        token = tokenOf("CRM");
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void a_partner_token_without_a_reason_is_refused_where_the_customer_requires_one_and_nothing_is_added() {
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), true, false));

        assertThatThrownBy(() -> asToken(token, () -> contacts.add(account.id(), nora())))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo(HEADER);
                    assertThat(refusal.messageKey()).isEqualTo("access.reason-required");
                });
        assertThatThrownBy(() -> asToken(token, () -> contacts.page(account.id(), PageRequest.of(0, 10))))
                .isInstanceOf(InvalidInput.class);

        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                account.id())).isZero();
        List<Map<String, Object>> refusals = jdbc.queryForList("select outcome, summary_key, actor_email, "
                + "on_behalf_of_id from audit_event where organization_id = ? and kind = 'ACCESS_DENIED'", account.id());
        assertThat(refusals).hasSize(2).allSatisfy(refusal -> {
            assertThat(refusal.get("OUTCOME")).isEqualTo("DENIED");
            assertThat(refusal.get("SUMMARY_KEY")).isEqualTo("audit.summary.api-token-reason-missing");
            assertThat(refusal.get("ACTOR_EMAIL")).isEqualTo(token.actorName());
            assertThat(((Number) refusal.get("ON_BEHALF_OF_ID")).longValue()).isEqualTo(partner.id());
        });
    }

    @Test
    void with_a_reason_the_token_works_and_every_audit_entry_of_the_request_says_why() {
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), true, false));

        asToken(token.withAccessReason("TICKET-4711"), () -> contacts.add(account.id(), nora()));

        assertThat(jdbc.queryForObject("select actor_email from audit_event where organization_id = ? "
                + "and kind = 'CONTACT_ADDED'", String.class, account.id()))
                .isEqualTo("API token \u201cCRM\u201d of " + partner.name() + ", reason: TICKET-4711");
    }

    @Test
    void a_read_with_a_reason_is_on_the_customers_audit_log_with_its_reason_too() {
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), true, false));

        asToken(token.withAccessReason("TICKET-4712"), () -> contacts.page(account.id(), PageRequest.of(0, 10)));

        assertThat(jdbc.queryForList("select actor_email from audit_event where organization_id = ? "
                + "and kind = 'API_ACCESS'", String.class, account.id())).isNotEmpty().allSatisfy(actor ->
                assertThat(actor).isEqualTo("API token \u201cCRM\u201d of " + partner.name() + ", reason: TICKET-4712"));
    }

    @Test
    void the_rule_holds_in_the_tenants_below_the_account_and_for_creating_one() {
        TenantDetails tenant = asToken(token, () -> tenants.create(standard(account.id(), "Filiale Nord")));
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), true, false));

        assertThatThrownBy(() -> asToken(token, () -> tenants.create(standard(account.id(), "Filiale Süd"))))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo(HEADER));
        assertThatThrownBy(() -> asToken(token, () -> contacts.page(tenant.id(), PageRequest.of(0, 10))))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo(HEADER));
        assertThat(asToken(token.withAccessReason("T-1"), () -> contacts.page(tenant.id(), PageRequest.of(0, 10))))
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from organization where name = 'Filiale Süd'",
                Integer.class)).isZero();
    }

    @Test
    void the_partners_own_organization_is_not_the_customers_to_rule() {
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), true, true));

        assertThat(asToken(token, () -> contacts.page(partner.id(), PageRequest.of(0, 10)))).isEmpty();
        asToken(token, () -> contacts.add(partner.id(), nora()));

        assertThat(outbox.to(account.email("Alice"))).isEmpty();
    }

    @Test
    void a_customer_the_partner_has_no_right_in_refuses_as_ever_whatever_its_rules() {
        Fixtures.TestAccount stranger = fixtures.account("Carol");
        fixtures.as(stranger.email("Carol"), () -> policies.change(stranger.id(), true, true));

        assertThatThrownBy(() -> asToken(token, () -> contacts.page(stranger.id(), PageRequest.of(0, 10))))
                .isInstanceOf(AccessRefused.class);
        assertThat(outbox.to(stranger.email("Carol"))).isEmpty();
    }

    @Test
    void the_contact_person_is_told_of_a_tokens_work_at_most_once_an_hour_per_token() {
        fixtures.as(account.email("Alice"), () -> policies.change(account.id(), false, true));

        asToken(token.withAccessReason("T-2"), () -> contacts.page(account.id(), PageRequest.of(0, 10)));
        asToken(token, () -> contacts.add(account.id(), nora()));
        assertThat(outbox.to(account.email("Alice"))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("API token \u201cCRM\u201d of " + partner.name()
                    + " worked in your account ").endsWith("(" + account.customerNumber() + ")");
            assertThat(mail.body()).contains("Reason given: T-2");
        });

        ApiTokenIdentity other = tokenOf("Billing");
        asToken(other, () -> contacts.page(account.id(), PageRequest.of(0, 10)));
        assertThat(outbox.to(account.email("Alice"))).hasSize(2);

        clock.advance(Duration.ofMinutes(61));
        asToken(token, () -> contacts.page(account.id(), PageRequest.of(0, 10)));
        assertThat(outbox.to(account.email("Alice"))).hasSize(3);
        assertThat(outbox.to(account.email("Bob"))).isEmpty();
    }

    @Test
    void a_suspended_customer_account_grants_a_partner_token_nothing_as_it_grants_the_partners_people_nothing() {
        asToken(token, () -> contacts.page(account.id(), PageRequest.of(0, 10)));
        jdbc.update("update organization set state = 'SUSPENDED' where id = ?", account.id());

        assertThatThrownBy(() -> asToken(token.withAccessReason("T-3"), () -> contacts.page(account.id(),
                PageRequest.of(0, 10)))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asToken(token.withAccessReason("T-3"), () -> contacts.add(account.id(), nora())))
                .isInstanceOf(AccessRefused.class);
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ?", Integer.class,
                account.id())).isZero();
    }

    private ApiTokenIdentity tokenOf(String name) {
        IssuedToken issued = fixtures.as(partner.legalEmail(), () -> apiTokens.create(partner.id(), name,
                ApiScope.WRITE, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30), java.time.ZoneOffset.UTC));
        return new ApiTokenIdentity(issued.token().id(), name, partner.id(), partner.name(), false, true);
    }

    /** Runs the work as the API filter does for a request with this token. */
    private static <T> T asToken(ApiTokenIdentity identity, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        AuthenticatedUser caller = AuthenticatedUser.forApiToken(identity,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.LEGAL_REPRESENTATIVE)));
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

    private static NewContact nora() {
        return new NewContact(null, "Nora", "Night", "nora@night.test", null, null, Set.of(ContactType.TECHNICAL));
    }

    private static NewTenant standard(long parentId, String name) {
        return new NewTenant(parentId, name, TenantType.STANDARD, Edition.BASIC, null, null);
    }
}
