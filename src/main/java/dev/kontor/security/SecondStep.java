package dev.kontor.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.user.AuthenticatedUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The second sign-in step. A person whose password was right and who has an authenticator is not signed in yet: the
 * password's {@link Authentication} waits in the session for {@link #VALID_FOR}, the session holds no security
 * context, so every page but the code page sends them to sign in. The code (or a recovery code) then signs them in
 * with Spring Security's {@link FactorGrantedAuthority factor authorities} for both factors ({@code FACTOR_PASSWORD}
 * from the password check, {@link #TOTP_AUTHORITY} from here), under a new session id. Wrong codes count in the
 * {@link SignInThrottle} of the account at the client's address like wrong passwords. A browser remembered for 30
 * days (a signed random cookie whose hash is stored, revocable on the Security page) skips the step.
 * <p>
 * A person whom any {@link SecondFactorDemand} asks for a second factor and who has none waits the same way, for an
 * authenticator set up on the set-up page: its first right code signs them in with both factors. Only a complete
 * sign-in is audited as {@code SIGNED_IN}.
 */
@Component
public class SecondStep {

    /** The authority of a sign-in that passed an authenticator code, a recovery code or a remembered browser. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    static final String COOKIE = "kontor-second-factor";
    static final Duration VALID_FOR = Duration.ofMinutes(5);
    /** Longer than the code step: installing an app and scanning a code takes a while. */
    static final Duration SET_UP_VALID_FOR = Duration.ofMinutes(15);
    static final String CODE_PAGE = "/sign-in/code";
    static final String SET_UP_PAGE = "/sign-in/set-up";
    static final String PASSED = "SECOND_STEP_PASSED";
    static final String REMEMBERED = "SECOND_STEP_REMEMBERED";
    private static final String PENDING = SecondStep.class.getName() + ".pending";

    /** What a code did. */
    public sealed interface Outcome {
    }

    /** Signed in; {@code target} is the path to open. */
    public record SignedIn(String target) implements Outcome {
    }

    public record WrongCode() implements Outcome {
    }

    public record Throttled(long seconds) implements Outcome {
    }

    /** No password step waits (none, or it took longer than {@link #VALID_FOR}): sign in again. */
    public record Expired() implements Outcome {
    }

    /** An authenticator set up at sign-in: signed in; the recovery codes are shown once, then {@code target}. */
    public record SetUpFinished(String target, List<String> recoveryCodes) implements Outcome {
    }

    /**
     * A password step that waits for its code, or (with {@code setUp}) for an authenticator to be set up;
     * {@code whileSignedIn} when a rule came to hold after the person had signed in (the sign-in was audited then).
     */
    record Pending(Authentication password, Instant until, boolean setUp, boolean whileSignedIn)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 3L;
    }

    private final SecondFactors secondFactors;
    private final SignInThrottle throttle;
    private final AuditLog auditLog;
    private final VaadinDefaultRequestCache requestCache;
    private final Clock clock;
    private final List<SecondFactorDemand> demands;

    SecondStep(SecondFactors secondFactors, SignInThrottle throttle, AuditLog auditLog,
               VaadinDefaultRequestCache requestCache, Clock clock, List<SecondFactorDemand> demands) {
        this.secondFactors = secondFactors;
        this.demands = List.copyOf(demands);
        this.throttle = throttle;
        this.auditLog = auditLog;
        this.requestCache = requestCache;
        this.clock = clock;
    }

    /**
     * Right after the password: the page of the step still needed, or empty when the sign-in is complete. A person
     * with an authenticator gives its code ({@link #CODE_PAGE}) unless the browser is remembered; a person whom any
     * {@link SecondFactorDemand} asks for a second factor and who has none sets one up ({@link #SET_UP_PAGE}).
     * While a step waits, the password's authentication is taken out of the session again: the session holds no
     * security context, so every other page sends the browser to sign in and no service answers it.
     */
    Optional<String> stepAfterPassword(HttpServletRequest request, HttpServletResponse response,
                                       Authentication password) {
        cancel(request);
        if (!(password.getPrincipal() instanceof AuthenticatedUser user)) {
            return Optional.empty();
        }
        boolean hasFactor = secondFactors.isActive(user.userId());
        if (hasFactor && secondFactors.remembers(user.userId(), cookie(request).orElse(null))) {
            auditLog.recordSignInAttempt(AuditEntry.success(REMEMBERED, null,
                    AuditSummary.of("second-step-remembered")), user.userId(), user.email());
            signIn(request, response, password, false, true);
            return Optional.empty();
        }
        if (!hasFactor && reasonKeys(user.userId()).isEmpty()) {
            signedIn(user);
            return Optional.empty();
        }
        SecurityContextHolder.clearContext();
        new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request,
                response);
        request.getSession().setAttribute(PENDING, new Pending(password,
                clock.instant().plus(hasFactor ? VALID_FOR : SET_UP_VALID_FOR), !hasFactor, false));
        return Optional.of(hasFactor ? CODE_PAGE : SET_UP_PAGE);
    }

    /**
     * On every page a person opens while signed in with the password alone: when a rule asks a second factor of
     * them now (an organization they belong to switched its requirement on, or they became a member of one that
     * requires it, since they signed in), the sign-in goes back to the step it would need at sign-in now, exactly as
     * after the password: the page of that step is returned, the session holds no security context any more, and
     * nothing else answers until the step is done. A sign-in with a second factor costs no statement here; one with
     * the password alone costs what the rules asked while signed in cost (the organizations' rule: at most two
     * statements), and one more, only when a rule holds, to see whether the person has an authenticator.
     */
    public Optional<String> stepWhileSignedIn(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated()
                || !(current.getPrincipal() instanceof AuthenticatedUser user) || user.apiToken().isPresent()
                || SignInFactors.secondFactorInThisSignIn()) {
            return Optional.empty();
        }
        boolean asked = demands.stream().filter(SecondFactorDemand::askedWhileSignedIn)
                .anyMatch(demand -> demand.reasonKey(user.userId()).isPresent());
        if (!asked) {
            return Optional.empty();
        }
        boolean hasFactor = secondFactors.isActive(user.userId());
        // only the session's context goes: this request ends as it began, the next one is not signed in
        new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request,
                response);
        request.getSession().setAttribute(PENDING, new Pending(current,
                clock.instant().plus(hasFactor ? VALID_FOR : SET_UP_VALID_FOR), !hasFactor, true));
        return Optional.of(hasFactor ? CODE_PAGE : SET_UP_PAGE);
    }

    /** Whether this browser's waiting step was started by a rule that came to hold while the person was signed in. */
    public boolean askedWhileSignedIn(HttpServletRequest request) {
        return pendingOf(request).filter(Pending::whileSignedIn).isPresent();
    }

    /** Whether this browser's session has a password step waiting for its code. */
    public boolean pending(HttpServletRequest request) {
        return pendingOf(request).filter(pending -> !pending.setUp()).isPresent();
    }

    /**
     * The reasons why this browser's waiting password step must set up an authenticator before it is signed in, with
     * the organizations that ask it named; empty when no such step waits.
     */
    public List<SecondFactorDemand.Reason> setUpReasons(HttpServletRequest request) {
        return pendingOf(request).filter(Pending::setUp)
                .map(pending -> reasons(((AuthenticatedUser) pending.password().getPrincipal()).userId()))
                .orElse(List.of());
    }

    /** Begins the authenticator's set-up of this browser's waiting password step; empty when none waits. */
    public Optional<SecondFactors.SetUp> startSetUp(HttpServletRequest request) {
        return pendingOf(request).filter(Pending::setUp).map(pending -> {
            AuthenticatedUser user = (AuthenticatedUser) pending.password().getPrincipal();
            return secondFactors.startSetUpAtSignIn(user.userId(), user.email());
        });
    }

    /**
     * The code that finishes the set-up of this browser's waiting password step: throttled like a sign-in code;
     * when right, the person is signed in with both factors under a new session id.
     */
    public Outcome finishSetUp(HttpServletRequest request, HttpServletResponse response, String code) {
        Optional<Pending> pending = pendingOf(request).filter(Pending::setUp);
        if (pending.isEmpty()) {
            return new Expired();
        }
        Authentication password = pending.get().password();
        AuthenticatedUser user = (AuthenticatedUser) password.getPrincipal();
        String account = user.email();
        String address = request.getRemoteAddr();
        Optional<SignInThrottle.Refusal> refusal = throttle.admit(account, address, false);
        if (refusal.isPresent()) {
            auditLog.recordSignInAttempt(AuditEntry.denied(SecondFactors.CODE_FAILED, null,
                    AuditSummary.of("second-factor-code-throttled")), user.userId(), account);
            return new Throttled(refusal.get().retryAfter().toSeconds());
        }
        Optional<List<String>> recoveryCodes;
        try {
            recoveryCodes = secondFactors.finishSetUpAtSignIn(user.userId(), account, code);
        } catch (RuntimeException fault) {
            // the server could not check the code: no guess was judged, so none counts
            throttle.faulted(account, address, false);
            throw fault;
        }
        if (recoveryCodes.isEmpty()) {
            throttle.failed(account, address);
            return new WrongCode();
        }
        throttle.succeeded(account, address, false);
        cancel(request);
        String target = target(request, response);
        signIn(request, response, password, true, !pending.get().whileSignedIn());
        return new SetUpFinished(target, recoveryCodes.get());
    }

    private List<SecondFactorDemand.Reason> reasons(long userId) {
        return demands.stream().map(demand -> demand.reason(userId)).flatMap(Optional::stream).distinct().toList();
    }

    private List<String> reasonKeys(long userId) {
        return demands.stream().map(demand -> demand.reasonKey(userId)).flatMap(Optional::stream).distinct()
                .toList();
    }

    /** Drops a waiting password step (back to sign-in). */
    public void cancel(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /** The code of the second step. */
    public Outcome submit(HttpServletRequest request, HttpServletResponse response, String code, boolean remember) {
        Optional<Pending> pending = pendingOf(request).filter(waiting -> !waiting.setUp());
        if (pending.isEmpty()) {
            cancel(request);
            return new Expired();
        }
        Authentication password = pending.get().password();
        AuthenticatedUser user = (AuthenticatedUser) password.getPrincipal();
        String account = user.email();
        String address = request.getRemoteAddr();
        Optional<SignInThrottle.Refusal> refusal = throttle.admit(account, address, false);
        if (refusal.isPresent()) {
            auditLog.recordSignInAttempt(AuditEntry.denied(SecondFactors.CODE_FAILED, null,
                    AuditSummary.of("second-factor-code-throttled")), user.userId(), account);
            return new Throttled(refusal.get().retryAfter().toSeconds());
        }
        SecondFactors.Check check;
        try {
            check = secondFactors.checkAtSignIn(user.userId(), account, code);
        } catch (RuntimeException fault) {
            // the server could not check the code: no guess was judged, so none counts
            throttle.faulted(account, address, false);
            throw fault;
        }
        if (check == SecondFactors.Check.WRONG) {
            throttle.failed(account, address);
            return new WrongCode();
        }
        throttle.succeeded(account, address, false);
        cancel(request);
        auditLog.recordSignInAttempt(AuditEntry.success(PASSED, null, AuditSummary.of("second-step-passed")),
                user.userId(), account);
        String target = target(request, response);
        signIn(request, response, password, true, !pending.get().whileSignedIn());
        if (remember) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE,
                            secondFactors.rememberBrowser(user.userId()))
                    .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                    .maxAge(SecondFactors.REMEMBER_FOR)
                    .httpOnly(true)
                    .secure(request.isSecure())
                    .sameSite("Lax")
                    .build().toString());
        }
        return new SignedIn(target);
    }

    /**
     * Both factors in one authentication, saved in the session; a new session id for the signed-in session. The
     * sign-in is audited unless it was already, before a rule came to hold while the person was signed in.
     */
    private void signIn(HttpServletRequest request, HttpServletResponse response, Authentication password,
                        boolean newSessionId, boolean audit) {
        List<GrantedAuthority> authorities = new ArrayList<>(password.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(TOTP_AUTHORITY).issuedAt(clock.instant()).build());
        Authentication both = UsernamePasswordAuthenticationToken.authenticated(password.getPrincipal(), null,
                authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(both);
        SecurityContextHolder.setContext(context);
        if (newSessionId) {
            request.changeSessionId();
        }
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        if (audit && password.getPrincipal() instanceof AuthenticatedUser user) {
            signedIn(user);
        }
    }

    /** The sign-in is complete: with the password alone where no second factor is involved, else with both. */
    private void signedIn(AuthenticatedUser user) {
        auditLog.recordSignInAttempt(AuditEntry.success(SignInAuditor.SIGNED_IN, null,
                AuditSummary.of("signed-in")), user.userId(), user.email());
    }

    /** The page asked for before sign-in, by its path only (never the host it was asked under), else the start. */
    private String target(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return saved == null ? request.getContextPath() + "/"
                : SameOriginRedirects.pathOf(request.getContextPath(), saved.getRedirectUrl());
    }

    private Optional<Pending> pendingOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (!pending.until().isAfter(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> COOKIE.equals(cookie.getName())).map(Cookie::getValue).findFirst();
    }
}
