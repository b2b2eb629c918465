package dev.kontor.security;

import com.vaadin.flow.shared.Registration;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.cluster.ClusterBroadcast;
import dev.kontor.user.AuthenticatedUser;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sign-ins this node holds, so that those made with a second factor that no longer exists end at once. A sign-in
 * made with a code, a recovery code or a remembered browser counts only while the authenticator it was made with is
 * still the person's: when a lead resets it (a lost or stolen phone) or the person turns it off, every such sign-in
 * of theirs ends, on this node as soon as the change commits and on every other node when the cluster broadcast
 * brings it. Whoever held the old phone or its codes keeps nothing: their next request finds no session. A node that
 * may have missed changes (it hears "everything") checks all its sign-ins with a second factor against the stored
 * authenticators in one statement. Only this node's sessions are known here: the servlet container tells this
 * listener of every session it creates and destroys.
 */
@Component
class SignedInSessions implements HttpSessionListener, SmartInitializingSingleton, DisposableBean {

    static final String TOPIC = "second-factor";
    /** More people than this are asked about in several statements. */
    private static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();
    private final SecondFactorRepository factors;
    private final ClusterBroadcast broadcast;
    private final AuditLog auditLog;
    private volatile Registration subscription;

    SignedInSessions(SecondFactorRepository factors, ClusterBroadcast broadcast, AuditLog auditLog) {
        this.factors = factors;
        this.broadcast = broadcast;
        this.auditLog = auditLog;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }

    @Override
    public void afterSingletonsInstantiated() {
        subscription = broadcast.subscribe(TOPIC, change -> endSignInsWhoseFactorIsGone(
                change.everything() ? null : change.subjectId()));
    }

    @Override
    public void destroy() {
        Registration registration = subscription;
        if (registration != null) {
            registration.remove();
        }
    }

    /**
     * In the transaction that removes the person's authenticator: once it commits, their sign-ins made with it end
     * here at once and on every other node through the broadcast (which this node hears too, and then finds nothing
     * left to end). Nothing ends when the transaction rolls back.
     */
    void factorRemoved(long userId) {
        broadcast.announce(TOPIC, userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    endSignInsWhoseFactorIsGone(userId);
                }
            });
        } else {
            endSignInsWhoseFactorIsGone(userId);
        }
    }

    /**
     * Ends this node's sign-ins (of this person, or of everyone for {@code null}) whose second factor is not the
     * person's current authenticator: none is set up any more, or the one set up was confirmed after the sign-in
     * gave its factor. One statement for all of them; each person's ended sign-ins are audited. Returns how many
     * ended. One at a time: the change's own commit and the broadcast of it may both call this at once, and would
     * each end some of the sign-ins and audit them as two smaller counts.
     */
    synchronized int endSignInsWhoseFactorIsGone(Long userId) {
        List<FactorSignIn> withFactor = new ArrayList<>();
        for (HttpSession session : sessions) {
            signInOf(session).filter(signIn -> userId == null || signIn.user().userId() == userId)
                    .ifPresent(withFactor::add);
        }
        if (withFactor.isEmpty()) {
            return 0;
        }
        Map<Long, Instant> confirmed = new HashMap<>();
        List<Long> people = withFactor.stream().map(signIn -> signIn.user().userId()).distinct().toList();
        for (int from = 0; from < people.size(); from += CHUNK) {
            for (Object[] row : factors.findConfirmedAtOf(people.subList(from, Math.min(people.size(),
                    from + CHUNK)))) {
                confirmed.put((Long) row[0], (Instant) row[1]);
            }
        }
        Map<AuthenticatedUser, Integer> ended = new LinkedHashMap<>();
        for (FactorSignIn signIn : withFactor) {
            Instant since = confirmed.get(signIn.user().userId());
            if (since == null || signIn.factorAt() == null || since.isAfter(signIn.factorAt())) {
                if (end(signIn.session())) {
                    ended.merge(signIn.user(), 1, Integer::sum);
                }
            }
        }
        ended.forEach((user, count) -> auditLog.recordSignInAttempt(AuditEntry.success(SecondFactors.SIGN_INS_ENDED,
                null, AuditSummary.of("second-factor-sign-ins-ended", count)), user.userId(), user.email()));
        return ended.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A session signed in with a second factor: its person and when the factor was given. */
    private record FactorSignIn(HttpSession session, AuthenticatedUser user, Instant factorAt) {
    }

    private static Optional<FactorSignIn> signInOf(HttpSession session) {
        Object context;
        try {
            context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException endedMeanwhile) {
            return Optional.empty();
        }
        if (!(context instanceof SecurityContext security)) {
            return Optional.empty();
        }
        Authentication authentication = security.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)
                || user.apiToken().isPresent()) {
            return Optional.empty();
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (SecondStep.TOTP_AUTHORITY.equals(authority.getAuthority())) {
                Instant at = authority instanceof FactorGrantedAuthority factor ? factor.getIssuedAt() : null;
                return Optional.of(new FactorSignIn(session, user, at));
            }
        }
        return Optional.empty();
    }

    private boolean end(HttpSession session) {
        sessions.remove(session);
        try {
            session.invalidate();
            return true;
        } catch (IllegalStateException endedAlready) {
            log.debug("A sign-in to end had ended already");
            return false;
        }
    }
}
