package dev.kontor.audit;

import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.CurrentUser;
import dev.kontor.user.SystemTask;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. A change is recorded in the transaction of the change itself, so that both are kept or
 * neither; a refusal or failure is recorded in a transaction of its own, so that it is kept although the attempt
 * is rolled back.
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;
    /** Looked up when used: the features behind it write to the audit log themselves. */
    private final org.springframework.beans.factory.ObjectProvider<ActingOnBehalf> onBehalf;

    AuditLog(AuditEventRepository events, Clock clock,
             org.springframework.beans.factory.ObjectProvider<ActingOnBehalf> onBehalf) {
        this.events = events;
        this.clock = clock;
        this.onBehalf = onBehalf;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        events.save(eventFor(entry, onBehalfOf()));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditEntry entry) {
        events.save(eventFor(entry, onBehalfOf()));
    }

    private Long onBehalfOf() {
        return onBehalf.orderedStream().map(ActingOnBehalf::onBehalfOf).flatMap(Optional::stream).findFirst()
                .orElse(null);
    }

    /** For events before anyone is authenticated (sign-in), where the actor is known only by the address typed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSignInAttempt(AuditEntry entry, Long userId, String typedEmail) {
        events.save(new AuditEvent(clock.instant(), entry, userId, typedEmail, null, remoteAddress()));
    }

    /** The latest events of one kind; for the provider's tooling and tests until the audit view arrives. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(readOnly = true)
    public List<AuditEvent> latest(String kind) {
        return events.findTop50ByKindOrderByIdDesc(kind);
    }

    private AuditEvent eventFor(AuditEntry entry, Long onBehalfOf) {
        Optional<AuthenticatedUser> actor = CurrentUser.find().or(SystemTask::initiator);
        return new AuditEvent(clock.instant(), entry, actor.map(AuthenticatedUser::userId).orElse(null),
                actor.map(AuthenticatedUser::email).orElse("system"), onBehalfOf, remoteAddress());
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
