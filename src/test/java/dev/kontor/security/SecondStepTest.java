package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
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
 * The second sign-in step through the real form endpoint: a person with an authenticator is not signed in by the
 * password alone, and the code signs them in with both factors; wrong codes are throttled, the step expires, and a
 * remembered browser skips it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SecondStepTest {

    private static final AtomicInteger NETWORKS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    SecondStep secondStep;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditTrail auditTrail;

    private final String address = "10.30." + NETWORKS.getAndIncrement() + ".1";
    private String email;
    private String secret;
    private List<String> recoveryCodes;

    @BeforeEach
    void aPersonWithAnAuthenticator() {
        email = fixtures.person("Otto");
        fixtures.signIn(email);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        secret = secondFactors.startSetUp().secret();
        recoveryCodes = secondFactors.finishSetUp(TotpCodes.now(secret, clock));
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
        // the code that finished the set-up is spent; the next step's code is the one to sign in with
        clock.advance(Duration.ofSeconds(30));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    private MvcResult password(MockHttpSession session, Cookie... cookies) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", email)
                        .param("password", Fixtures.PASSWORD).with(csrf())
                        .cookie(cookies.length == 0 ? new Cookie[] {new Cookie("unrelated", "x")} : cookies)
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn();
    }

    private SecondStep.Outcome code(MockHttpSession session, String code, boolean remember,
                                    MockHttpServletResponse response) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        request.setRemoteAddr(address);
        return secondStep.submit(request, response, code, remember);
    }

    private static Authentication signedIn(MockHttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    @Test
    void the_password_alone_does_not_sign_in_a_person_with_an_authenticator() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = password(session);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sign-in/code");
        assertThat(signedIn(session)).isNull();
        assertThat(secondStep.pending(requestWith(session))).isTrue();
        mvc.perform(get("/audit").session(session)).andExpect(unauthenticated());
    }

    @Test
    void the_code_signs_in_with_both_factors_under_a_new_session_id() throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);

        SecondStep.Outcome outcome = code(session, TotpCodes.now(secret, clock), false,
                new MockHttpServletResponse());

        assertThat(outcome).isInstanceOf(SecondStep.SignedIn.class);
        assertThat(signedIn(session).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD", SecondStep.TOTP_AUTHORITY);
        mvc.perform(get("/actuator/health").session(session)).andExpect(authenticated().withUsername(email));
        assertThat(auditTrail.latest(SecondStep.PASSED))
                .anyMatch(event -> email.equals(event.getActorEmail()));
    }

    @Test
    void a_wrong_code_is_refused_and_the_same_code_never_works_twice() throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);
        String right = TotpCodes.now(secret, clock);
        assertThat(code(session, "000000".equals(right) ? "111111" : "000000", false,
                new MockHttpServletResponse())).isInstanceOf(SecondStep.WrongCode.class);
        assertThat(code(session, right, false, new MockHttpServletResponse()))
                .isInstanceOf(SecondStep.SignedIn.class);

        MockHttpSession other = new MockHttpSession();
        password(other);
        assertThat(code(other, right, false, new MockHttpServletResponse()))
                .isInstanceOf(SecondStep.WrongCode.class);
    }

    @Test
    void a_recovery_code_signs_in_once() throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);
        assertThat(code(session, recoveryCodes.get(5), false, new MockHttpServletResponse()))
                .isInstanceOf(SecondStep.SignedIn.class);

        MockHttpSession again = new MockHttpSession();
        password(again);
        assertThat(code(again, recoveryCodes.get(5), false, new MockHttpServletResponse()))
                .isInstanceOf(SecondStep.WrongCode.class);
    }

    @Test
    void wrong_codes_count_in_the_sign_in_throttle() throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);
        for (int i = 0; i < 4; i++) {
            assertThat(code(session, "abc", false, new MockHttpServletResponse()))
                    .isInstanceOf(SecondStep.WrongCode.class);
        }
        // the fifth wrong code of this account from this address sets the wait
        code(session, "abc", false, new MockHttpServletResponse());
        assertThat(code(session, TotpCodes.now(secret, clock), false, new MockHttpServletResponse()))
                .isInstanceOf(SecondStep.Throttled.class);
        // the password step itself is slowed down too now
        MockHttpSession fresh = new MockHttpSession();
        assertThat(password(fresh).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void the_second_step_expires_after_five_minutes() throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(code(session, TotpCodes.now(secret, clock), false, new MockHttpServletResponse()))
                .isInstanceOf(SecondStep.Expired.class);
        assertThat(signedIn(session)).isNull();
    }

    @Test
    void a_remembered_browser_skips_the_code_until_it_is_forgotten() throws Exception {
        MockHttpSession session = new MockHttpSession();
        password(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        code(session, TotpCodes.now(secret, clock), true, response);
        Cookie remembered = response.getCookie(SecondStep.COOKIE);
        assertThat(remembered).isNotNull();
        assertThat(remembered.isHttpOnly()).isTrue();

        MockHttpSession next = new MockHttpSession();
        MvcResult result = password(next, remembered);
        assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/sign-in/code");
        assertThat(signedIn(next).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains(SecondStep.TOTP_AUTHORITY);

        fixtures.as(email, () -> secondFactors.forgetBrowsers());
        MockHttpSession afterForgetting = new MockHttpSession();
        assertThat(password(afterForgetting, remembered).getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in/code");
    }

    private static MockHttpServletRequest requestWith(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        return request;
    }
}
