package dev.kontor.security;

import dev.kontor.user.EmailAddress;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
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
 * (behind a proxy, as the servlet container's forwarded-header handling sets it, never a header read here).
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

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
        String account = EmailAddress.normalize(typed);
        String clientAddress = clientAddress(attempt);
        HttpSession session = currentSession();
        boolean unlocked = UnlockedBrowser.covers(session, account, clock.instant());

        Optional<SignInThrottle.Refusal> refusal = throttle.admit(account, clientAddress, unlocked);
        if (refusal.isPresent()) {
            unlocks.refused(typed, refusal.get());
            throw new SignInThrottled(refusal.get().retryAfter());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(account, clientAddress, unlocked);
            UnlockedBrowser.forget(session, account);
            return signedIn;
        } catch (AuthenticationException failure) {
            throttle.failed(account, clientAddress).ifPresent(delay -> unlocks.delayed(typed, delay));
            throw failure;
        }
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

        private final Duration wait;

        SignInThrottled(Duration wait) {
            super("Too many sign-in attempts; try again in " + wait.toSeconds() + " s");
            this.wait = wait;
        }

        Duration waitFor() {
            return wait;
        }
    }
}
