package dev.kontor.security;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.SqlStatements;
import dev.kontor.testing.TotpCodes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person signed in with the password alone whose organization starts to require a second factor while they are
 * signed in is led to set one up on the next page they open (every navigation asks {@link
 * SecondStep#stepWhileSignedIn}), not only at their next sign-in; from then on the session is signed out of
 * everything but the set-up step, exactly as after the password. Asking costs two statements for a sign-in made with
 * the password alone, however many organizations, and none for one made with a second factor.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SecondFactorWhileSignedInTest {

    private static final AtomicInteger NETWORKS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SecondStep secondStep;

    @Autowired
    SecondFactorPolicy policy;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditTrail auditTrail;

    private final String address = "10.47." + NETWORKS.getAndIncrement() + ".1";
    private Fixtures.TestAccount account;

    @BeforeEach
    void anAccountWithTwoManagersWithoutAFactor() {
        account = fixtures.account("Nora", "Otto");
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_manager_signed_in_when_the_requirement_is_switched_on_is_led_to_set_up_at_the_next_page() throws Exception {
        MockHttpSession nora = signIn(account.email("Nora"));
        assertThat(navigate(nora)).as("nothing requires it yet").isEmpty();

        fixtures.as(account.email("Otto"), () -> policy.changeRequirement(account.id(), true));

        assertThat(navigate(nora)).contains(SecondStep.SET_UP_PAGE);
        assertThat(signedIn(nora)).as("the session is signed out of everything but the step").isNull();
        mvc.perform(get("/accounts/" + account.customerNumber()).session(nora)).andExpect(unauthenticated());
        assertThat(secondStep.setUpReasons(requestWith(nora))).containsExactly(new SecondFactorDemand.Reason(
                SecondFactorPolicy.NAMED_REASON_KEY, java.util.List.of(account.label())));
        assertThat(secondStep.askedWhileSignedIn(requestWith(nora))).isTrue();

        long signedInBefore = signedInEvents(account.email("Nora"));
        String secret = secondStep.startSetUp(requestWith(nora)).orElseThrow().secret();
        MockHttpServletRequest finish = requestWith(nora);
        finish.setRemoteAddr(address);
        SecondStep.Outcome outcome = secondStep.finishSetUp(finish, new MockHttpServletResponse(),
                TotpCodes.now(secret, clock));

        assertThat(outcome).isInstanceOf(SecondStep.SetUpFinished.class);
        assertThat(signedIn(nora).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD", SecondStep.TOTP_AUTHORITY);
        assertThat(signedInEvents(account.email("Nora"))).as("signed in once, audited once").isEqualTo(signedInBefore);
        assertThat(navigate(nora)).isEmpty();
    }

    @Test
    void a_tenant_administrator_below_is_led_too_when_the_customer_switches_it_on() throws Exception {
        String tim = fixtures.person("Tim");
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(tim), onboarding.createTenant(TestTasks.setUp(), "Branch "
                + account.tag(), account.id()).getId(), MembershipRole.TENANT_ADMINISTRATOR);
        MockHttpSession session = signIn(tim);
        assertThat(navigate(session)).isEmpty();

        fixtures.as(account.email("Otto"), () -> policy.changeRequirement(account.id(), true));

        assertThat(navigate(session)).contains(SecondStep.SET_UP_PAGE);
    }

    @Test
    void asking_again_costs_two_statements_with_the_password_alone_and_none_with_a_second_factor() throws Exception {
        String many = fixtures.managerOfMany(12, id -> { });
        MockHttpSession few = signIn(account.email("Nora"));
        MockHttpSession ofMany = signIn(many);

        long forFew = statementsOf(few);
        long forMany = statementsOf(ofMany);

        assertThat(forFew).isEqualTo(forMany).isLessThanOrEqualTo(2);

        fixtures.as(account.email("Otto"), () -> policy.changeRequirement(account.id(), true));
        navigate(few);
        String secret = secondStep.startSetUp(requestWith(few)).orElseThrow().secret();
        MockHttpServletRequest finish = requestWith(few);
        finish.setRemoteAddr(address);
        secondStep.finishSetUp(finish, new MockHttpServletResponse(), TotpCodes.now(secret, clock));

        assertThat(statementsOf(few)).as("a sign-in with a second factor is not asked again").isZero();
    }

    @Test
    void a_member_who_set_one_up_elsewhere_since_signing_in_gives_its_code_instead() throws Exception {
        MockHttpSession nora = signIn(account.email("Nora"));
        // an authenticator set up meanwhile in another browser
        MockHttpSession other = signIn(account.email("Nora"));
        fixtures.as(account.email("Otto"), () -> policy.changeRequirement(account.id(), true));
        assertThat(navigate(other)).contains(SecondStep.SET_UP_PAGE);
        String secret = secondStep.startSetUp(requestWith(other)).orElseThrow().secret();
        MockHttpServletRequest finish = requestWith(other);
        finish.setRemoteAddr(address);
        secondStep.finishSetUp(finish, new MockHttpServletResponse(), TotpCodes.now(secret, clock));

        assertThat(navigate(nora)).contains(SecondStep.CODE_PAGE);
        assertThat(signedIn(nora)).isNull();
        assertThat(secondStep.pending(requestWith(nora))).isTrue();
    }

    private long statementsOf(MockHttpSession session) {
        useContextOf(session);
        SqlStatements.reset();
        secondStep.stepWhileSignedIn(requestWith(session), new MockHttpServletResponse());
        long count = SqlStatements.count();
        SecurityContextHolder.clearContext();
        return count;
    }

    /** What the check before every page does for this session's request. */
    private Optional<String> navigate(MockHttpSession session) {
        useContextOf(session);
        try {
            return secondStep.stepWhileSignedIn(requestWith(session), new MockHttpServletResponse());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void useContextOf(MockHttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(context instanceof SecurityContext security ? security
                : SecurityContextHolder.createEmptyContext());
    }

    private MockHttpSession signIn(String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("username", email).param("password", Fixtures.PASSWORD)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
        assertThat(signedIn(session)).as(email + " signed in with the password").isNotNull();
        return session;
    }

    private long signedInEvents(String email) {
        return auditTrail.latest(SignInAuditor.SIGNED_IN).stream()
                .filter(event -> email.equals(event.getActorEmail())).count();
    }

    private static Authentication signedIn(MockHttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    private static MockHttpServletRequest requestWith(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        return request;
    }
}
