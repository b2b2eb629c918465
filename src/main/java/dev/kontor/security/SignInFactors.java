package dev.kontor.security;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Which factors the current sign-in was made with. A sign-in that passed the second step (an authenticator code, a
 * recovery code or a browser remembered after one of them) or set up an authenticator during it carries
 * {@link SecondStep#TOTP_AUTHORITY}; a password alone does not.
 */
public final class SignInFactors {

    /** The Security page, where a person sets up an authenticator or gives a code for this sign-in. */
    public static final String SECURITY_PAGE = "security";
    /**
     * Its query parameter naming the page to go on to once this sign-in has a second factor (entering an account:
     * {@code access/CN-10001}).
     */
    public static final String SECURITY_PAGE_CONTINUE = "then";

    private SignInFactors() {
    }

    /** Whether the signed-in person of this thread gave a second factor in this sign-in. */
    public static boolean secondFactorInThisSignIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && current.getAuthorities().stream()
                .anyMatch(authority -> SecondStep.TOTP_AUTHORITY.equals(authority.getAuthority()));
    }

    /** The signed-in person gave a second factor just now: this sign-in counts as made with it from here on. */
    static void addSecondFactorToThisSignIn(Instant now) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || secondFactorInThisSignIn()) {
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(SecondStep.TOTP_AUTHORITY).issuedAt(now).build());
        replaceThisSignIn(current, authorities);
    }

    /** The signed-in person turned their authenticator off: this sign-in counts as made with the password alone. */
    static void removeSecondFactorFromThisSignIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !secondFactorInThisSignIn()) {
            return;
        }
        replaceThisSignIn(current, current.getAuthorities().stream()
                .filter(authority -> !SecondStep.TOTP_AUTHORITY.equals(authority.getAuthority()))
                .map(GrantedAuthority.class::cast).toList());
    }

    private static void replaceThisSignIn(Authentication current, List<GrantedAuthority> authorities) {
        Authentication replaced = UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null,
                authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(replaced);
        SecurityContextHolder.setContext(context);
        // Spring Security saves a context only when told to: the session must hold the new one for the next request
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }
}
