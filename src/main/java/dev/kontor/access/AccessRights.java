package dev.kontor.access;

import dev.kontor.audit.ActingOnBehalf;
import dev.kontor.organization.ActingPartner;
import dev.kontor.organization.DelegatedRights;
import dev.kontor.organization.OrganizationPath;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerGrants;
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
 * only while this browser tab is in a valid access session for that very account. An idle or revoked session is ended on the spot (in a
 * transaction of its own) and grants nothing.
 */
@Component
class AccessRights implements DelegatedRights, ActingOnBehalf, ActingPartner {

    private final AccessSessionRepository sessions;
    private final PartnerGrants grants;
    private final AccessSessions accessSessions;
    private final AccessSettings settings;
    private final Clock clock;
    private final TransactionTemplate separately;

    AccessRights(AccessSessionRepository sessions, PartnerGrants grants, AccessSessions accessSessions,
                 AccessSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.grants = grants;
        this.accessSessions = accessSessions;
        this.settings = settings;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Set<OrganizationRight> rightsOf(long userId, OrganizationPath path) {
        // the session's account and every tenant below it
        Optional<AccessSession> session = AccessTab.sessionId().flatMap(sessions::findById)
                .filter(AccessSession::isOpen)
                .filter(s -> s.getUserId() == userId && path.contains(s.getCustomerId()));
        if (session.isEmpty()) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        long id = session.get().getId();
        Instant now = clock.instant();
        if (session.get().isIdleAt(now, settings.idleTimeout())) {
            endSeparately(id, AccessSession.EndReason.TIMED_OUT);
            return EnumSet.noneOf(OrganizationRight.class);
        }
        Set<OrganizationRight> rights = grants.activeRights(session.get().getRelationshipId());
        if (rights.isEmpty()) {
            endSeparately(id, AccessSession.EndReason.RIGHTS_ENDED);
            return rights;
        }
        separately.executeWithoutResult(status -> sessions.findById(id).ifPresent(s -> s.touch(now)));
        return rights;
    }

    @Override
    public Optional<Long> onBehalfOf() {
        return AccessTab.sessionId().flatMap(sessions::findById).filter(AccessSession::isOpen)
                .map(AccessSession::getPartnerId);
    }

    @Override
    public Optional<Long> partnerActingIn(OrganizationPath path) {
        // an open session counts even when idle or revoked: it must never make enrolling oneself easier
        return AccessTab.sessionId().flatMap(sessions::findById).filter(AccessSession::isOpen)
                .filter(s -> dev.kontor.user.CurrentUser.find().map(me -> me.userId() == s.getUserId()).orElse(false))
                .filter(s -> path.contains(s.getCustomerId()))
                .map(AccessSession::getPartnerId);
    }

    private void endSeparately(long sessionId, AccessSession.EndReason why) {
        separately.executeWithoutResult(status -> sessions.findById(sessionId)
                .ifPresent(s -> accessSessions.end(s, why)));
    }
}
