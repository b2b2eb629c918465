package dev.kontor.security;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.SignInCandidate;
import dev.kontor.user.UserAccountService;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes every failed sign-in and sign-out to the audit log; a completed sign-in is written by {@link SecondStep}
 * when it is complete (after the code or the set-up of a second factor, or after the password when none is
 * involved), not when the password alone was right. Attempts that the throttle refuses unchecked,
 * and the waits it sets, are audited by {@link SignInUnlocks}. An attempt that cannot be audited (the database
 * failing) fails as a fault of the server: nobody is signed in unaudited, and the sign-in page says that Kontor cannot
 * sign anybody in right now instead of showing a server error or the wrong-password message.
 */
@Component
class SignInAuditor {

    static final String SIGNED_IN = "SIGNED_IN";
    static final String SIGNED_OUT = "SIGNED_OUT";
    static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";

    private final UserAccountService users;
    private final AuditLog auditLog;

    private final Callers callers;

    SignInAuditor(UserAccountService users, AuditLog auditLog, Callers callers) {
        this.callers = callers;
        this.users = users;
        this.auditLog = auditLog;
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String typed = typedEmail(event);
        audited(() -> {
            Optional<SignInCandidate> known = users.findSignInCandidate(callers.task("sign-in-audit"), typed);
            auditLog.recordSignInAttempt(AuditEntry.failed(SIGN_IN_FAILED, null,
                    known.isPresent() ? AuditSummary.of("sign-in-wrong-password")
                            : AuditSummary.of("sign-in-unknown-email")),
                    known.map(SignInCandidate::userId).orElse(null), typed);
        });
    }

    /** A person without a password yet (invited, not accepted): refused like a wrong password, and audited so. */
    @EventListener
    void onDisabled(AuthenticationFailureDisabledEvent event) {
        String typed = typedEmail(event);
        audited(() -> {
            Long userId = users.findSignInCandidate(callers.task("sign-in-audit"), typed)
                    .map(SignInCandidate::userId)
                    .orElse(null);
            auditLog.recordSignInAttempt(AuditEntry.failed(SIGN_IN_FAILED, null,
                    AuditSummary.of("sign-in-no-password")), userId, typed);
        });
    }

    /**
     * Spring Security passes on only its own exceptions as a failed sign-in; anything else from a listener would
     * escape the sign-in form as a server error page.
     */
    private static void audited(Runnable work) {
        try {
            work.run();
        } catch (org.springframework.security.core.AuthenticationException failure) {
            throw failure;
        } catch (RuntimeException failure) {
            throw new InternalAuthenticationServiceException("The sign-in attempt could not be audited", failure);
        }
    }

    @EventListener
    void onSignOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null
                && event.getAuthentication().getPrincipal() instanceof AuthenticatedUser user) {
            auditLog.recordSignInAttempt(AuditEntry.success(SIGNED_OUT, null, AuditSummary.of("signed-out")),
                    user.userId(), user.email());
        }
    }

    private static String typedEmail(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        return name == null ? "" : name.strip();
    }
}
