package dev.kontor.security;

import dev.kontor.user.EmailAddress;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Kontor's one way to check a password: Spring Security's {@link DaoAuthenticationProvider} behind the
 * {@link SignInThrottle}. Being the only {@link AuthenticationProvider} bean, it replaces the provider Spring Security
 * would build from the user details service. An attempt the throttle refuses is refused before any password is
 * looked at, with the same answer as a wrong password; the client address is the request's remote address
 * (behind a proxy, as the servlet container's forwarded-header handling sets it, never a header read here). Only
 * a wrong password (or an unknown address, or a person without one) counts as a failure: a fault of the server
 * during the check counts for nobody.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final SignInUnlocks unlocks;
    private final Clock clock;

    ThrottledSignIn(KontorUserDetailsService people, PasswordEncoder passwordEncoder, SignInThrottle throttle,
                    SignInUnlocks unlocks, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(people);
        passwords.setPasswordEncoder(passwordEncoder);
        // a disabled person (no password yet) still costs one password comparison, so the time tells nothing
        passwords.setAlwaysPerformAdditionalChecksOnUser(true);
        passwords.afterPropertiesSet();
        this.throttle = throttle;
        this.unlocks = unlocks;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String typed = attempt.getName() == null ? "" : attempt.getName().strip();
        // no account has a longer address; a longer name must not cost the throttle more memory
        String account = clip(EmailAddress.normalize(typed));
        String clientAddress = clientAddress(attempt);
        HttpSession session = currentSession();
        boolean unlocked = UnlockedBrowser.covers(session, account, clock.instant());

        Optional<SignInThrottle.Refusal> refusal = throttle.admit(account, clientAddress, unlocked);
        if (refusal.isPresent()) {
            bookkeeping(() -> unlocks.refused(typed, refusal.get()));
            throw new SignInThrottled(refusal.get().retryAfter());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(account, clientAddress, unlocked);
            UnlockedBrowser.forget(session, account);
            return signedIn;
        } catch (InternalAuthenticationServiceException fault) {
            // the server could not look the person up (the database is down, say): no guess was judged, so none
            // counts; the sign-in page says the server is at fault
            throttle.faulted(account, clientAddress, unlocked);
            throw fault;
        } catch (AuthenticationException failure) {
            throttle.failed(account, clientAddress)
                    .ifPresent(delay -> bookkeeping(() -> unlocks.delayed(typed, delay)));
            throw failure;
        } catch (RuntimeException fault) {
            throttle.faulted(account, clientAddress, unlocked);
            throw fault;
        }
    }

    /**
     * Audit and mail after a refusal must not turn the refusal into an error page: the sign-in page's answer stays
     * the same whatever happens to them (the audit log and outbox report their own trouble).
     */
    private static void bookkeeping(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Bookkeeping of a throttled sign-in failed", e);
        }
    }

    private static String clip(String account) {
        return account.length() <= EmailAddress.MAX_LENGTH ? account : account.substring(0, EmailAddress.MAX_LENGTH);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "unknown";
    }

    private static HttpSession currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getSession(false);
        }
        return null;
    }

    /** Refused unchecked by the throttle; the sign-in page says the same as for any other failure. */
    static final class SignInThrottled extends AuthenticationException {

        @Serial
        private static final long serialVersionUID = 1L;

        SignInThrottled(Duration wait) {
            super("Too many sign-in attempts; try again in " + wait.toSeconds() + " s");
        }
    }
}
