package dev.kontor.security;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.SignInCandidate;
import dev.kontor.user.UserAccountService;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the books on sign-in: counts failures per account (which locks it for a while, see
 * {@code SignInThrottle}), resets the count on success, and writes every attempt to the audit log.
 */
@Component
class SignInAuditor {

    static final String SIGNED_IN = "SIGNED_IN";
    static final String SIGNED_OUT = "SIGNED_OUT";
    static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

    private static final Logger log = LoggerFactory.getLogger(SignInAuditor.class);

    private final UserAccountService users;
    private final AuditLog auditLog;

    SignInAuditor(UserAccountService users, AuditLog auditLog) {
        this.users = users;
        this.auditLog = auditLog;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AuthenticatedUser user) {
            users.recordSuccessfulSignIn(user.userId());
            auditLog.recordSignInAttempt(AuditEntry.success(SIGNED_IN, null, AuditSummary.of("signed-in")),
                    user.userId(), user.email());
        }
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String typed = typedEmail(event);
        Optional<SignInCandidate> known = users.findSignInCandidate(typed);
        Long userId = known.map(SignInCandidate::userId).orElse(null);
        auditLog.recordSignInAttempt(AuditEntry.failed(SIGN_IN_FAILED, null,
                known.isPresent() ? AuditSummary.of("sign-in-wrong-password")
                        : AuditSummary.of("sign-in-unknown-email")), userId, typed);
        if (known.isPresent()) {
            Optional<Duration> lock = users.recordFailedSignIn(typed);
            lock.ifPresent(duration -> {
                log.warn("Account {} locked for {} after repeated failed sign-ins", userId, duration);
                auditLog.recordSignInAttempt(AuditEntry.failed(ACCOUNT_LOCKED, null,
                        AuditSummary.of("sign-in-locked-for", duration.toMinutes())), userId, typed);
            });
        }
    }

    @EventListener
    void onLocked(AuthenticationFailureLockedEvent event) {
        String typed = typedEmail(event);
        Long userId = users.findSignInCandidate(typed).map(SignInCandidate::userId).orElse(null);
        auditLog.recordSignInAttempt(AuditEntry.denied(SIGN_IN_FAILED, null,
                AuditSummary.of("sign-in-account-locked")), userId, typed);
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
