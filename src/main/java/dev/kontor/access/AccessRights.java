package dev.kontor.access;

import dev.kontor.audit.ActingOnBehalf;
import dev.kontor.organization.ActingPartner;
import dev.kontor.organization.DelegatedRights;
import dev.kontor.organization.OrganizationPath;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.Caller;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rights a partner user holds in a customer account and the tenants below it: those of the relationship, and
 * only while the caller works in a valid access session for that very account (the session its browser tab is bound
 * to, which {@code Callers} tells), checked on every call by {@link AccessSessions#rightsNow}: an idle or revoked
 * session, or one whose partner user is no longer an active member of the partner (or, as an employee, no longer
 * assigned to the customer), is ended on the spot and grants nothing. Asking writes no activity: the tab's requests
 * do ({@link AccessActivity}).
 */
@Component
class AccessRights implements DelegatedRights, ActingOnBehalf, ActingPartner {

    private final AccessSessionRepository sessions;
    private final AccessSessions accessSessions;

    AccessRights(AccessSessionRepository sessions, AccessSessions accessSessions) {
        this.sessions = sessions;
        this.accessSessions = accessSessions;
    }

    @Override
    public Set<OrganizationRight> rightsOf(Caller caller, long userId, OrganizationPath path) {
        // the session's account and every tenant below it
        Optional<AccessSession> session = sessionOf(caller).flatMap(sessions::findById)
                .filter(AccessSession::isOpen)
                .filter(s -> s.getUserId() == userId && path.contains(s.getCustomerId()));
        if (session.isEmpty()) {
            return EnumSet.noneOf(OrganizationRight.class);
        }
        return accessSessions.rightsNow(session.get()).orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }

    @Override
    public Optional<Long> onBehalfOf(Caller caller) {
        // system work a partner user's call started inside a session is done on the partner's behalf as well
        Optional<Long> session = caller instanceof Caller.Task task
                ? task.startedBy().flatMap(AccessRights::sessionOf) : sessionOf(caller);
        return session.flatMap(sessions::findById).filter(AccessSession::isOpen).map(AccessSession::getPartnerId);
    }

    @Override
    public Optional<Long> partnerActingIn(Caller caller, OrganizationPath path) {
        // an open session counts even when idle or revoked: it must never make enrolling oneself easier
        if (!(caller instanceof Caller.InAccessSession inSession)) {
            return Optional.empty();
        }
        return sessions.findById(inSession.accessSessionId()).filter(AccessSession::isOpen)
                .filter(s -> inSession.user().userId() == s.getUserId())
                .filter(s -> path.contains(s.getCustomerId()))
                .map(AccessSession::getPartnerId);
    }

    private static Optional<Long> sessionOf(Caller caller) {
        return caller instanceof Caller.InAccessSession inSession ? Optional.of(inSession.accessSessionId())
                : Optional.empty();
    }
}
