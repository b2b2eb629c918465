package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.kontor.audit.AuditLog;
import dev.kontor.user.UserAccountService;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.kontor.organization.OrganizationService;
import dev.kontor.testing.MutableClock;
import dev.kontor.user.SignInCandidate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * A sign-in that fails for a fault of the server (review 13b: the database refused every audit entry) is neither a
 * server error page nor the wrong-password answer: it is a failed sign-in of its own kind, and the page says so. Nor
 * does it count against the person's sign-in slow-down: only wrong passwords and codes do.
 */
class SignInServerFaultTest {

    private static final String ADDRESS = "anna@example.test";
    private static final String CLIENT = "192.0.2.44";

    @Test
    void a_database_that_is_down_during_the_password_check_counts_against_nobodys_throttle() {
        UserAccountService users = mock(UserAccountService.class);
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        SignInCandidate anna = new SignInCandidate(7L, ADDRESS, "Anna", encoder.encode("right-password-2026"),
                Locale.ENGLISH);
        OrganizationService organizations = mock(OrganizationService.class);
        when(organizations.activeRolesOf(any(), org.mockito.ArgumentMatchers.eq(7L))).thenReturn(List.of());
        SignInThrottle throttle = new SignInThrottle(limits(), new MutableClock());
        SignInUnlocks unlocks = mock(SignInUnlocks.class);
        ThrottledSignIn signIn = new ThrottledSignIn(new KontorUserDetailsService(users, organizations, encoder,
                mock(dev.kontor.user.Callers.class)),
                encoder, throttle, unlocks, new MutableClock());

        // the database is unreachable for twenty attempts: more than the five free failures of the account at this
        // address and the ten of the address
        when(users.findSignInCandidate(any(), anyString())).thenThrow(
                new DataAccessResourceFailureException("Connection refused"));
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("right-password-2026")))
                    .isInstanceOf(InternalAuthenticationServiceException.class);
        }
        verify(unlocks, never()).delayed(anyString(), any());
        verify(unlocks, never()).refused(anyString(), any());
        assertThat(throttle.admit(ADDRESS, CLIENT, false)).as("nothing waits after server faults").isEmpty();
        throttle.succeeded(ADDRESS, CLIENT, false);

        // back up: the first wrong password is an ordinary first failure, and the right one signs in at once
        org.mockito.Mockito.reset(users);
        when(users.findSignInCandidate(any(), anyString())).thenReturn(Optional.of(anna));
        assertThatThrownBy(() -> signIn.authenticate(attempt("wrong-password-2026")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn.authenticate(attempt("right-password-2026")).isAuthenticated()).isTrue();
        verify(unlocks, never()).delayed(anyString(), any());
    }

    @Test
    void wrong_passwords_still_count_where_server_faults_do_not() {
        UserAccountService users = mock(UserAccountService.class);
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        when(users.findSignInCandidate(any(), anyString())).thenReturn(Optional.of(new SignInCandidate(7L, ADDRESS,
                "Anna", encoder.encode("right-password-2026"), Locale.ENGLISH)));
        OrganizationService organizations = mock(OrganizationService.class);
        SignInThrottle throttle = new SignInThrottle(limits(), new MutableClock());
        ThrottledSignIn signIn = new ThrottledSignIn(new KontorUserDetailsService(users, organizations, encoder,
                mock(dev.kontor.user.Callers.class)),
                encoder, throttle, mock(SignInUnlocks.class), new MutableClock());

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("wrong-password-2026")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // the fifth wrong password set a wait: even the right one is refused unchecked until it is over
        assertThatThrownBy(() -> signIn.authenticate(attempt("right-password-2026")))
                .isInstanceOf(ThrottledSignIn.SignInThrottled.class);
    }

    @Test
    void a_database_that_is_down_while_a_sign_in_code_is_checked_counts_against_nobodys_throttle() {
        SecondFactors secondFactors = mock(SecondFactors.class);
        when(secondFactors.isActive(7L)).thenReturn(true);
        when(secondFactors.checkAtSignIn(org.mockito.ArgumentMatchers.eq(7L), anyString(), anyString()))
                .thenThrow(new DataAccessResourceFailureException("Connection refused"));
        MutableClock clock = new MutableClock();
        SignInThrottle throttle = new SignInThrottle(limits(), clock);
        SecondStep secondStep = new SecondStep(secondFactors, throttle, mock(AuditLog.class),
                new com.vaadin.flow.spring.security.VaadinDefaultRequestCache(), clock, List.of());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sign-in/code");
        request.setRemoteAddr(CLIENT);
        var anna = new dev.kontor.user.AuthenticatedUser(7L, ADDRESS, "Anna", "", true, false, List.of());
        assertThat(secondStep.stepAfterPassword(request, new MockHttpServletResponse(),
                UsernamePasswordAuthenticationToken.authenticated(anna, null, List.of()))).contains("/sign-in/code");

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> secondStep.submit(request, new MockHttpServletResponse(), "123456", false))
                    .isInstanceOf(DataAccessResourceFailureException.class);
        }

        assertThat(throttle.admit(ADDRESS, CLIENT, false)).as("nothing waits after server faults").isEmpty();
        org.mockito.Mockito.reset(secondFactors);
        when(secondFactors.checkAtSignIn(org.mockito.ArgumentMatchers.eq(7L), anyString(), anyString()))
                .thenReturn(SecondFactors.Check.WRONG);
        // a wrong code after the outage is the first failure of this account here, which sets no wait
        assertThat(secondStep.submit(request, new MockHttpServletResponse(), "000000", false))
                .isInstanceOf(SecondStep.WrongCode.class);
        assertThat(throttle.admit(ADDRESS, CLIENT, false)).isEmpty();
    }

    private static UsernamePasswordAuthenticationToken attempt(String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(ADDRESS,
                password);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(CLIENT);
        attempt.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(request));
        return attempt;
    }

    private static SignInLimits limits() {
        return new SignInLimits(5, Duration.ofSeconds(2), Duration.ofMinutes(1), 10, Duration.ofMinutes(1), 30,
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofDays(30));
    }

    @Test
    void an_attempt_the_audit_log_cannot_record_fails_as_a_fault_of_the_server() {
        AuditLog auditLog = mock(AuditLog.class);
        UserAccountService users = mock(UserAccountService.class);
        when(users.findSignInCandidate(any(), anyString())).thenReturn(Optional.empty());
        doThrow(new DataIntegrityViolationException("The database has been closed"))
                .when(auditLog).recordSignInAttempt(any(), any(), any());
        SignInAuditor auditor = new SignInAuditor(users, auditLog, mock(dev.kontor.user.Callers.class));
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("anna@example.test", "wrong");

        assertThatThrownBy(() -> auditor.onBadCredentials(new AuthenticationFailureBadCredentialsEvent(attempt,
                new BadCredentialsException("Bad credentials"))))
                .isInstanceOf(InternalAuthenticationServiceException.class)
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_fault_of_the_server_leads_to_its_own_message_and_wrong_credentials_to_the_usual_one() throws Exception {
        SignInFailureKeepsEmail handler = new SignInFailureKeepsEmail();

        assertThat(redirectAfter(handler, new InternalAuthenticationServiceException("audit failed")))
                .isEqualTo("/login?unavailable");
        assertThat(redirectAfter(handler, new BadCredentialsException("Bad credentials")))
                .isEqualTo("/login?error");
    }

    private static String redirectAfter(SignInFailureKeepsEmail handler,
                                        org.springframework.security.core.AuthenticationException failure)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("username", "anna@example.test");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationFailure(request, response, failure);
        assertThat(request.getSession().getAttribute(SignInFailureKeepsEmail.TYPED_EMAIL))
                .isEqualTo("anna@example.test");
        return response.getRedirectedUrl();
    }
}
