package dev.kontor.security;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kontor.audit.AuditEvent;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.test.web.servlet.MvcResult;

/**
 * A person whom a rule asks for a second factor and who has none (provider staff here) is led to set one up right
 * after the password and is not signed in until a code from the new authenticator is right: no page and no API
 * call answers the session before. The sign-in is audited once it is complete, not at the password.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SetUpStepTest {

    private static final AtomicInteger NETWORKS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SecondStep secondStep;

    @Autowired
    StaffSecondFactorDemand staffDemand;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditTrail auditTrail;

    private final String address = "10.31." + NETWORKS.getAndIncrement() + ".1";
    private String email;

    @BeforeEach
    void supportStaffWithoutAnAuthenticator() {
        email = fixtures.person("Stella");
        long userId = fixtures.userIdOf(email);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + UUID.randomUUID().toString()
                .substring(0, 8));
        onboarding.grant(TestTasks.setUp(), userId, provider.getId(), MembershipRole.SUPPORT);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void support_staff_and_provider_administrators_must_have_a_second_factor_and_nobody_else_by_this_rule() {
        assertThat(staffDemand.reasonKey(fixtures.userIdOf(email))).contains(StaffSecondFactorDemand.REASON);
        assertThat(staffDemand.reasonKey(fixtures.userIdOf(DemoPeople.SUPPORT)))
                .contains(StaffSecondFactorDemand.REASON);
        assertThat(staffDemand.reasonKey(fixtures.userIdOf(DemoPeople.OPERATOR)))
                .contains(StaffSecondFactorDemand.REASON);
        for (String other : List.of(DemoPeople.LEGAL, DemoPeople.PARTNER_ADMIN, DemoPeople.EMPLOYEE, DemoPeople.ANNA,
                DemoPeople.CLARA)) {
            assertThat(staffDemand.reasonKey(fixtures.userIdOf(other))).as(other).isEmpty();
        }
    }

    @Test
    void after_the_password_staff_without_a_factor_are_led_to_set_one_up_and_nothing_else_answers()
            throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = password(session);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sign-in/set-up");
        assertThat(signedIn(session)).isNull();
        assertThat(secondStep.setUpReasons(requestWith(session))).extracting(SecondFactorDemand.Reason::key)
                .containsExactly(StaffSecondFactorDemand.REASON);
        assertThat(secondStep.pending(requestWith(session))).as("not the code step: there is no code yet").isFalse();
        mvc.perform(get("/audit").session(session)).andExpect(unauthenticated());
        mvc.perform(get("/support").session(session)).andExpect(unauthenticated());
        // the API answers bearer tokens only, never a browser's session
        mvc.perform(get("/api/v1/organizations").session(session)).andExpect(status().isUnauthorized());
        assertThat(signedInEvents()).noneMatch(event -> email.equals(event.getActorEmail()));
    }

    @Test
    void a_code_from_the_new_authenticator_signs_in_with_both_factors_and_is_audited_then()
            throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);
        String secret = secondStep.startSetUp(requestWith(session)).orElseThrow().secret();
        String right = TotpCodes.now(secret, clock);

        assertThat(finish(session, "000000".equals(right) ? "111111" : "000000"))
                .isInstanceOf(SecondStep.WrongCode.class);
        assertThat(signedIn(session)).isNull();
        assertThat(auditTrail.latest(SecondFactors.CODE_FAILED))
                .anyMatch(event -> email.equals(event.getActorEmail()));

        SecondStep.Outcome outcome = finish(session, right);

        assertThat(outcome).isInstanceOf(SecondStep.SetUpFinished.class);
        assertThat(((SecondStep.SetUpFinished) outcome).recoveryCodes()).hasSize(SecondFactors.RECOVERY_CODES);
        assertThat(signedIn(session).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD", SecondStep.TOTP_AUTHORITY);
        mvc.perform(get("/actuator/health").session(session)).andExpect(authenticated().withUsername(email));
        assertThat(signedInEvents()).filteredOn(event -> email.equals(event.getActorEmail())).hasSize(1);
        assertThat(auditTrail.latest(SecondFactors.SET_UP))
                .anyMatch(event -> email.equals(event.getActorEmail()));

        // from now on, the ordinary code step
        clock.advance(Duration.ofSeconds(30));
        MockHttpSession next = new MockHttpSession();
        assertThat(password(next).getResponse().getRedirectedUrl()).isEqualTo("/sign-in/code");
    }

    @Test
    void the_set_up_step_expires_and_then_nothing_can_be_set_up_through_it() throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);
        String secret = secondStep.startSetUp(requestWith(session)).orElseThrow().secret();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(finish(session, TotpCodes.now(secret, clock))).isInstanceOf(SecondStep.Expired.class);
        assertThat(secondStep.startSetUp(requestWith(session))).isEmpty();
        assertThat(signedIn(session)).isNull();
    }

    @Test
    void a_person_nothing_asks_a_factor_of_is_signed_in_by_the_password_and_audited_once() throws Exception {
        String customer = fixtures.account("Nora").email("Nora");
        MockHttpSession session = new MockHttpSession();
        MvcResult result = mvc.perform(post("/login").session(session).param("username", customer)
                .param("password", Fixtures.PASSWORD).with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).doesNotStartWith("/sign-in");
        assertThat(signedIn(session)).isNotNull();
        assertThat(signedInEvents()).filteredOn(event -> customer.equals(event.getActorEmail())).hasSize(1);
    }

    private List<AuditEvent> signedInEvents() {
        return auditTrail.latest(SignInAuditor.SIGNED_IN);
    }

    private MvcResult password(MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", email)
                        .param("password", Fixtures.PASSWORD).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn();
    }

    private SecondStep.Outcome finish(MockHttpSession session, String code) {
        MockHttpServletRequest request = requestWith(session);
        request.setRemoteAddr(address);
        return secondStep.finishSetUp(request, new MockHttpServletResponse(), code);
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
