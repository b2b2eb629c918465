package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.kontor.base.InvalidInput;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import jakarta.servlet.http.HttpSessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A lead's reset of a lost second factor takes it away everywhere at once: every open sign-in the person made with
 * it (on the old phone's codes, a recovery code or a remembered browser) ends at the reset, on this node directly
 * and on the others through the cluster broadcast, so that whoever holds the old phone or its codes keeps nothing.
 * The lead's own sign-in, and anyone else's, is untouched. A node that may have missed the broadcast checks all its
 * sign-ins made with a second factor against the stored ones.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SecondFactorResetEndsSignInsTest {

    private static final AtomicInteger NETWORKS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SecondStep secondStep;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    SecondFactorPolicy policy;

    @Autowired
    SignedInSessions signedInSessions;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    private final String address = "10.48." + NETWORKS.getAndIncrement() + ".1";
    private final List<MockHttpSession> opened = new ArrayList<>();
    private Fixtures.TestAccount account;
    private List<String> lastRecoveryCodes = List.of();

    @BeforeEach
    void anAccountWithTwoManagers() {
        account = fixtures.account("Nora", "Otto");
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(session -> signedInSessions.sessionDestroyed(new HttpSessionEvent(session)));
        clock.reset();
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_reset_ends_every_sign_in_the_person_made_with_the_factor_and_leaves_the_leads_own_alone()
            throws Exception {
        MockHttpSession setUpHere = signIn(account.email("Nora"));
        String secret = setUpFactorIn(setUpHere);
        MockHttpSession withCode = signInWithCode(account.email("Nora"), secret);
        MockHttpSession otto = signIn(account.email("Otto"));
        assertThat(factorsOf(setUpHere)).contains(SecondStep.TOTP_AUTHORITY);
        assertThat(factorsOf(withCode)).contains(SecondStep.TOTP_AUTHORITY);

        fixtures.as(account.email("Otto"), () -> policy.resetSecondFactor(account.id(),
                membershipOf(account.email("Nora"))));

        assertThat(setUpHere.isInvalid()).as("the sign-in that set the factor up").isTrue();
        assertThat(withCode.isInvalid()).as("the sign-in made with a code of the old phone").isTrue();
        assertThat(otto.isInvalid()).as("the lead's own sign-in").isFalse();
        assertThat(signedIn(otto)).isNotNull();
        assertThat(auditTrail.latest(SecondFactors.SIGN_INS_ENDED))
                .anyMatch(event -> account.email("Nora").equals(event.getActorEmail())
                        && event.getSummary().contains("2"));
    }

    @Test
    void codes_of_the_old_phone_open_nothing_after_the_reset_where_a_rule_asks_for_a_factor() throws Exception {
        MockHttpSession before = signIn(account.email("Nora"));
        String secret = setUpFactorIn(before);
        List<String> recoveryCodes = lastRecoveryCodes;
        fixtures.as(account.email("Otto"), () -> policy.changeRequirement(account.id(), true));

        fixtures.as(account.email("Otto"), () -> policy.resetSecondFactor(account.id(),
                membershipOf(account.email("Nora"))));

        assertThat(before.isInvalid()).isTrue();
        // whoever knows the password now meets the set-up step, never a code step the old phone could pass
        MockHttpSession again = new MockHttpSession();
        password(again, account.email("Nora"));
        assertThat(secondStep.pending(requestWith(again))).as("no code step waits").isFalse();
        assertThat(secondStep.setUpReasons(requestWith(again))).isNotEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(secondStep.submit(requestWith(again), new MockHttpServletResponse(),
                TotpCodes.now(secret, clock), false)).isInstanceOf(SecondStep.Expired.class);
        assertThat(secondStep.submit(requestWith(again), new MockHttpServletResponse(), recoveryCodes.getFirst(),
                false)).isInstanceOf(SecondStep.Expired.class);
        assertThat(signedIn(again)).isNull();
    }

    @Test
    void a_node_that_may_have_missed_the_reset_ends_the_sign_ins_whose_factor_is_gone_and_keeps_the_others()
            throws Exception {
        MockHttpSession nora = signIn(account.email("Nora"));
        setUpFactorIn(nora);
        MockHttpSession otto = signIn(account.email("Otto"));
        setUpFactorIn(otto);
        // removed by another node, whose broadcast this node did not hear
        jdbc.update("delete from second_factor where user_id = ?", fixtures.userIdOf(account.email("Nora")));

        signedInSessions.endSignInsWhoseFactorIsGone(null);

        assertThat(nora.isInvalid()).isTrue();
        assertThat(otto.isInvalid()).isFalse();
        assertThat(factorsOf(otto)).contains(SecondStep.TOTP_AUTHORITY);
    }

    @Test
    void turning_the_app_off_takes_the_factor_from_this_sign_in_and_ends_the_others_made_with_it() throws Exception {
        MockHttpSession here = signIn(account.email("Nora"));
        String secret = setUpFactorIn(here);
        MockHttpSession elsewhere = signInWithCode(account.email("Nora"), secret);

        clock.advance(Duration.ofSeconds(30));
        useSession(here);
        secondFactors.turnOff(TotpCodes.now(secret, clock));

        assertThat(here.isInvalid()).isFalse();
        assertThat(factorsOf(here)).as("this sign-in no longer counts as made with a second factor")
                .doesNotContain(SecondStep.TOTP_AUTHORITY);
        assertThat(elsewhere.isInvalid()).isTrue();
        // and so entering a customer's account asks for a factor again
        assertThatThrownBy(() -> secondFactors.confirmThisSignIn(TotpCodes.now(secret, clock)))
                .isInstanceOf(InvalidInput.class);
    }

    /** Sets an authenticator up on the Security page of this signed-in session; its secret. */
    private String setUpFactorIn(MockHttpSession session) {
        useSession(session);
        String secret = secondFactors.startSetUp().secret();
        lastRecoveryCodes = secondFactors.finishSetUp(TotpCodes.now(secret, clock));
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
        return secret;
    }

    private MockHttpSession signInWithCode(String email, String secret) throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session, email);
        assertThat(secondStep.pending(requestWith(session))).isTrue();
        // the code of the set-up was taken: the next one comes with the next time step
        clock.advance(Duration.ofSeconds(30));
        assertThat(secondStep.submit(requestWith(session), new MockHttpServletResponse(),
                TotpCodes.now(secret, clock), false)).isInstanceOf(SecondStep.SignedIn.class);
        signedInSessions.sessionCreated(new HttpSessionEvent(session));
        opened.add(session);
        return session;
    }

    private MockHttpSession signIn(String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session, email);
        assertThat(signedIn(session)).as(email + " signed in with the password").isNotNull();
        // what the servlet container tells every listener of a new session
        signedInSessions.sessionCreated(new HttpSessionEvent(session));
        opened.add(session);
        return session;
    }

    private void password(MockHttpSession session, String email) throws Exception {
        mvc.perform(post("/login").session(session).param("username", email).param("password", Fixtures.PASSWORD)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private void useSession(MockHttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(context instanceof SecurityContext security ? security
                : SecurityContextHolder.createEmptyContext());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(requestWith(session)));
    }

    private long membershipOf(String email) {
        return jdbc.queryForObject("select id from membership where user_id = ? and organization_id = ?", Long.class,
                fixtures.userIdOf(email), account.id());
    }

    private static List<String> factorsOf(MockHttpSession session) {
        Authentication authentication = signedIn(session);
        return authentication == null ? List.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    private static Authentication signedIn(MockHttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    private MockHttpServletRequest requestWith(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        request.setRemoteAddr(address);
        return request;
    }
}
