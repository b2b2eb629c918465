package dev.kontor.access;

import dev.kontor.audit.ActingOnBehalf;
import dev.kontor.organization.ActingPartner;
import dev.kontor.organization.DelegatedRights;
import dev.kontor.organization.OrganizationPath;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rights a partner user holds in a customer account and the tenants below it: those of the relationship, and
 * only while this browser tab is in a valid access session for that very account, checked on every call by
 * {@link AccessSessions#rightsNow}: an idle or revoked session, or one whose partner user is no longer an active
 * member of the partner (or, as an employee, no longer assigned to the customer), is ended on the spot and grants
 * nothing.
 */
@Component
class AccessRights implements DelegatedRights, ActingOnBehalf, ActingPartner {

    private final AccessSessionRepository sessions;
    private final AccessSessions accessSessions;
    private final Clock clock;
    private final TransactionTemplate separately;

    AccessRights(AccessSessionRepository sessions, AccessSessions accessSessions, Clock clock,
                 PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.accessSessions = accessSessions;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Set<OrganizationRight> rightsOf(long userId, OrganizationPath path) {
        // the session's account and every tenant below it
        Optional<AccessSession> session = accessSessions.tabSessionId().flatMap(sessions::findById)
                .filter(AccessSession::isOpen)
                .filter(s -> s.getUserId() == userId && path.contains(s.getCustomerId()));
        if (session.isEmpty()) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        Optional<Set<OrganizationRight>> rights = accessSessions.rightsNow(session.get());
        if (rights.isEmpty()) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        long id = session.get().getId();
        Instant now = clock.instant();
        separately.executeWithoutResult(status -> sessions.findById(id).ifPresent(s -> s.touch(now)));
        return rights.get();
    }

    @Override
    public Optional<Long> onBehalfOf() {
        return accessSessions.tabSessionId().flatMap(sessions::findById).filter(AccessSession::isOpen)
                .map(AccessSession::getPartnerId);
    }

    @Override
    public Optional<Long> partnerActingIn(OrganizationPath path) {
        // an open session counts even when idle or revoked: it must never make enrolling oneself easier
        return accessSessions.tabSessionId().flatMap(sessions::findById).filter(AccessSession::isOpen)
                .filter(s -> CurrentUser.find().map(me -> me.userId() == s.getUserId()).orElse(false))
                .filter(s -> path.contains(s.getCustomerId()))
                .map(AccessSession::getPartnerId);
    }
}
