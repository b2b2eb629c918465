package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.kontor.audit.AuditLog;
import dev.kontor.user.UserAccountService;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * A sign-in that fails for a fault of the server (review 13b: the database refused every audit entry) is neither a
 * server error page nor the wrong-password answer: it is a failed sign-in of its own kind, and the page says so.
 */
class SignInServerFaultTest {

    @Test
    void an_attempt_the_audit_log_cannot_record_fails_as_a_fault_of_the_server() {
        AuditLog auditLog = mock(AuditLog.class);
        UserAccountService users = mock(UserAccountService.class);
        when(users.findSignInCandidate(anyString())).thenReturn(Optional.empty());
        doThrow(new DataIntegrityViolationException("The database has been closed"))
                .when(auditLog).recordSignInAttempt(any(), any(), any());
        SignInAuditor auditor = new SignInAuditor(users, auditLog);
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
