package dev.kontor.access;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinSession;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.AccessGrant;
import dev.kontor.partner.AccessStanding;
import dev.kontor.partner.PartnerGrants;
import dev.kontor.security.SignInFactors;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, reads and ends access sessions. A partner user enters a customer account only through an active (and,
 * for employees, assigned) partnership; inside, they hold the relationship's rights and nothing more, checked anew
 * on every call (see {@link #rightsNow}) so that a revocation, an ended partnership, the end of the person's own
 * membership or assignment, or 30 idle minutes end the session at once.
 */
@Service
public class AccessSessions {

    /** The longest reason a partner may give for entering an account (the form's limit too). */
    public static final int REASON_MAX_LENGTH = AccessSession.REASON_MAX_LENGTH;

    static final String STARTED = "ACCESS_SESSION_STARTED";
    static final String ENDED = "ACCESS_SESSION_ENDED";
    static final String REFUSED = "ACCESS_SESSION_REFUSED";

    private final AccessSessionRepository sessions;
    private final PartnerGrants grants;
    private final AuditLog auditLog;
    private final AccessSettings settings;
    private final Clock clock;
    private final AccessPolicyRepository policies;
    private final AccountContactPersons contactPersons;
    private final MailOutbox mail;
    private final I18NProvider i18n;
    private final TransactionTemplate separately;
    private final Callers callers;

    AccessSessions(AccessSessionRepository sessions, PartnerGrants grants, AuditLog auditLog,
                   AccessSettings settings, Clock clock, AccessPolicyRepository policies,
                   AccountContactPersons contactPersons, MailOutbox mail, I18NProvider i18n,
                   PlatformTransactionManager transactions, Callers callers) {
        this.sessions = sessions;
        this.grants = grants;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
        this.policies = policies;
        this.contactPersons = contactPersons;
        this.mail = mail;
        this.i18n = i18n;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.callers = callers;
    }

    /** Enters the customer's account in this browser tab; the reason (a ticket number, say) is optional. */
    @Transactional
    public CurrentAccess start(long partnerId, CustomerNumber customer, String reason) {
        Caller caller = callers.current();
        AuthenticatedUser me = caller.signedIn().orElseGet(callers::requirePerson);
        // the contact person may be told of the entry with the reason: a link there would be a stranger's
        String why = TextRules.mailedText("reason", reason, REASON_MAX_LENGTH);
        if (!SignInFactors.secondFactorInThisSignIn()) {
            refuseWithoutSecondFactor(me, partnerId, customer);
        }
        // the partner's row is locked before its rights are checked, as suspending the partner locks it before
        // ending its sessions: a session started meanwhile is either refused or seen (and ended) by the suspension
        sessions.lockOrganization(partnerId);
        AccessGrant grant = grants.grantForAccess(partnerId, customer);
        long customerId = grant.customerId();
        // likewise the account's row, as suspending or closing it does: nobody enters an account that is not active
        if (!sessions.lockOrganizationState(customerId).map("ACTIVE"::equals).orElse(false)) {
            throw new RuleViolation("access.account-not-active");
        }
        AccessPolicy policy = policies.findById(customerId).orElseGet(() -> new AccessPolicy(customerId));
        if (why == null && policy.requiresReason()) {
            throw new InvalidInput("reason", "access.reason-required");
        }
        tabSession(caller).filter(AccessSession::isOpen)
                .ifPresent(previous -> end(previous, AccessSession.EndReason.LEFT));
        Instant now = clock.instant();
        AccessSession session = sessions.save(new AccessSession(grant, me.userId(), why, now));
        AuditSummary summary = why == null
                ? AuditSummary.of("access-session-started", AuditSummary.person(me.userId(), me.email()),
                        AuditSummary.organization(grant.customerName()), grant.customerNumber(),
                        AuditSummary.organization(grant.partnerName()))
                : AuditSummary.of("access-session-started-with-reason", AuditSummary.person(me.userId(), me.email()),
                        AuditSummary.organization(grant.customerName()),
                        grant.customerNumber(), AuditSummary.organization(grant.partnerName()), why);
        auditLog.record(AuditEntry.success(STARTED, customerId, summary));
        auditLog.record(AuditEntry.success(STARTED, partnerId, summary));
        AccessTab.enter(session.getId());
        endWithItsTabIfUnrecognizable(session.getId(), grant.customerName() + " (" + grant.customerNumber() + ")");
        if (policy.notifiesContactPerson()) {
            notifyContactPerson(me, grant, why, now);
        }
        return new CurrentAccess(session.getId(), partnerId, grant.partnerName(), customerId, grant.customerName(),
                grant.customerNumber(), why, grant.rights());
    }

    /**
     * The customer's trust in a partner must not rest on a password: entering needs a second factor in this very
     * sign-in. Refused before any row is locked (the audit entry is written in a transaction of its own, which must
     * not wait for those locks); the right to enter at all is checked first, and refused and audited as always.
     */
    private void refuseWithoutSecondFactor(AuthenticatedUser me, long partnerId, CustomerNumber customer) {
        AccessGrant grant = grants.grantForAccess(partnerId, customer);
        auditLog.recordIndependently(AuditEntry.denied(REFUSED, partnerId,
                AuditSummary.of("access-refused-no-second-factor", AuditSummary.person(me.userId(), me.email()),
                        AuditSummary.organization(grant.customerName()),
                        grant.customerNumber())));
        throw new RuleViolation("access.second-factor-required");
    }

    /**
     * The account the partner user is about to enter, by name and number, and whether the customer wants a reason
     * first; both only after the right to enter has been checked.
     */
    @Transactional(readOnly = true)
    public AccessEntrance entrance(long partnerId, CustomerNumber customer) {
        AccessGrant grant = grants.grantForAccess(partnerId, customer);
        return new AccessEntrance(grant.customerName(), grant.customerNumber(),
                policies.findById(grant.customerId()).map(AccessPolicy::requiresReason).orElse(false));
    }

    /** Tells the contact person that a partner user entered, at most once an hour per partner user. */
    private void notifyContactPerson(AuthenticatedUser me, AccessGrant grant, String why, Instant now) {
        Optional<Instant> last = policies.lastNotice(me.userId(), grant.customerId());
        if (last.isPresent() && last.get().isAfter(now.minus(java.time.Duration.ofHours(1)))) {
            return;
        }
        contactPersons.of(grant.customerId()).ifPresent(contact -> {
            java.util.Locale language = dev.kontor.base.SupportedLanguages.closestTo(
                    contact.language() == null ? null : java.util.Locale.forLanguageTag(contact.language()));
            String label = grant.customerName() + " (" + grant.customerNumber() + ")";
            String when = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.LONG)
                    .withLocale(language).withZone(java.time.ZoneId.of("Europe/Berlin")).format(now);
            mail.enqueue(new MailMessage("access-notice:" + me.userId() + ":" + grant.customerId() + ":"
                    + now.toEpochMilli(), contact.email(),
                    TextRules.abbreviate(i18n.getTranslation("access.mail.subject", language, grant.partnerName(),
                            label), MailMessage.SUBJECT_MAX_LENGTH),
                    i18n.getTranslation("access.mail.body", language, contact.name(), me.displayName(),
                            grant.partnerName(), label, when, why == null ? "—" : why)));
        });
        policies.forgetNotice(me.userId(), grant.customerId());
        policies.rememberNotice(me.userId(), grant.customerId(), now);
    }

    /** The access session of this tab, if it is still valid; an invalid one has been ended (see {@link #status}). */
    @Transactional(readOnly = true)
    public Optional<CurrentAccess> current() {
        Caller caller = callers.current();
        return tabSession(caller).filter(AccessSession::isOpen)
                .filter(s -> caller.signedIn().map(me -> me.userId() == s.getUserId()).orElse(false))
                .flatMap(s -> standingNow(s).map(standing -> describe(s, standing)));
    }

    /** The access session the caller's tab is bound to, ended ones included. */
    private Optional<AccessSession> tabSession(Caller caller) {
        return caller instanceof Caller.InAccessSession inSession
                ? sessions.findById(inSession.accessSessionId()) : Optional.empty();
    }

    /**
     * The rights an open session holds at this moment: those of the relationship while it is active, while the
     * partner user is still an active member of the partner and (as an employee) still assigned to the customer, and
     * while the session has not idled. Every call inside a session is checked here. When a check fails, the session
     * is ended on the spot (in a transaction of its own, so that the end stands even when the call is refused) and
     * audited on both organizations with the reason, which the banner then says; nothing is granted.
     */
    Optional<Set<OrganizationRight>> rightsNow(AccessSession session) {
        return standingNow(session).map(AccessStanding::rights);
    }

    /** As {@link #rightsNow}, with the standing that names the relationship for the banner. */
    private Optional<AccessStanding> standingNow(AccessSession session) {
        if (session.isIdleAt(clock.instant(), settings.idleTimeout())) {
            endSeparately(session.getId(), AccessSession.EndReason.TIMED_OUT);
            return Optional.empty();
        }
        AccessStanding standing = grants.standing(session.getRelationshipId(), session.getUserId());
        if (!standing.granted() || standing.rights().isEmpty()) {
            endSeparately(session.getId(), switch (standing.outcome()) {
                case NOT_A_MEMBER -> AccessSession.EndReason.MEMBERSHIP_ENDED;
                case NOT_ASSIGNED -> AccessSession.EndReason.NOT_ASSIGNED;
                case GRANTED, PARTNERSHIP_ENDED -> AccessSession.EndReason.RIGHTS_ENDED;
            });
            return Optional.empty();
        }
        return Optional.of(standing);
    }

    private void endSeparately(long sessionId, AccessSession.EndReason why) {
        try {
            separately.executeWithoutResult(status -> sessions.findById(sessionId).ifPresent(s -> end(s, why)));
        } catch (OptimisticLockingFailureException endedMeanwhile) {
            // another tab or node checked the same session at the same moment and ended it (the change to its
            // partnership reaches every page that shows it at once): it has ended, which is what this check wanted
        }
    }

    /** The customer account of one of the signed-in person's open access sessions. */
    @Transactional(readOnly = true)
    public Optional<Long> customerOf(long sessionId) {
        return sessions.findById(sessionId).filter(AccessSession::isOpen)
                .filter(s -> callers.person().map(me -> me.userId() == s.getUserId()).orElse(false))
                .map(AccessSession::getCustomerId);
    }

    /**
     * Carries the signed-in person's open access session into this browser tab, e.g. a tenant of the customer
     * opened in a new tab. Refused (false) for a session that is not theirs, has ended or has idled out.
     */
    @Transactional(readOnly = true)
    public boolean continueInThisTab(long sessionId) {
        boolean valid = sessions.findById(sessionId).filter(this::mayContinue).isPresent();
        if (valid) {
            AccessTab.enter(sessionId);
        }
        return valid;
    }

    /** Whether a session may go on in this tab: the signed-in person's own, open, and standing at this moment. */
    private boolean mayContinue(AccessSession session) {
        return mayContinue(session, callers.person());
    }

    private boolean mayContinue(AccessSession session, Optional<AuthenticatedUser> me) {
        return session.isOpen() && me.map(person -> person.userId() == session.getUserId()).orElse(false)
                && rightsNow(session).isPresent();
    }

    /**
     * The access session of this tab. A page built anew in the same tab (a reload, an address typed into it) carries
     * on the session an earlier page of the tab worked in, checked as {@link #continueInThisTab} checks it: the
     * signed-in person's own, open and still standing. One that has ended meanwhile (or ends at this check) stays
     * with the tab only so that the banner can say why; any other is forgotten.
     */
    Optional<Long> tabSessionId(AuthenticatedUser me) {
        Optional<Long> bound = AccessTab.sessionId();
        if (bound.isPresent()) {
            return bound;
        }
        Optional<AccessSession> carried = AccessTab.carriedOver().flatMap(sessions::findById)
                .filter(s -> me.userId() == s.getUserId());
        if (carried.isEmpty()) {
            AccessTab.forgetThisTab();
            return Optional.empty();
        }
        long id = carried.get().getId();
        // forgotten while it is checked, so that the audit of an end found by the check does not check it again
        AccessTab.forgetThisTab();
        boolean goesOn = mayContinue(carried.get(), Optional.of(me));
        AccessTab.enter(id);
        if (!goesOn) {
            AccessTab.forgetThisTab();
        }
        return Optional.of(id);
    }

    /**
     * A page that does not tell which tab it is (no window name) cannot find its session again after a reload; rather
     * than leave the session open and unseen until it idles out, it ends (audited) when that page closes, and the
     * browser's next page says so.
     */
    private void endWithItsTabIfUnrecognizable(long sessionId, String customer) {
        UI ui = UI.getCurrent();
        if (ui == null || ui.getSession() == null || AccessTab.recognizable()) {
            return;
        }
        VaadinSession browser = ui.getSession();
        ui.addDetachListener(detach -> {
            detach.unregisterListener();
            Boolean ended = separately.execute(status -> sessions.findById(sessionId).filter(AccessSession::isOpen)
                    .map(open -> {
                        end(open, AccessSession.EndReason.LEFT,
                                AuditSummary.term("audit.term.access-ended-tab-unrecognized"));
                        return true;
                    }).orElse(false));
            if (Boolean.TRUE.equals(ended)) {
                AccessTab.endedWithItsTab(browser, customer);
            }
        });
    }

    /**
     * The accounts whose sessions ended with a tab that could not be recognized after a reload, said once on the
     * browser's next page outside a session.
     */
    public List<String> endedWithTheirTabs() {
        return AccessTab.takeUnsaidEnds();
    }

    /** Why this tab's access session ended, when it has (so that the banner can say it). */
    @Transactional(readOnly = true)
    public Optional<String> endReason() {
        return tabSession(callers.current()).filter(s -> !s.isOpen())
                .map(s -> s.getEndReason().name());
    }

    /**
     * Whether a session that ended for {@code reason} (as {@link #endReason} names it) leaves the partner user's own
     * pages to them: not when it ended over their place at the partner (membership, assignment, the partner's
     * suspension), where those pages may refuse them as well.
     */
    public static boolean partnerPagesRemainAfter(String reason) {
        return switch (AccessSession.EndReason.valueOf(reason)) {
            case MEMBERSHIP_ENDED, NOT_ASSIGNED, PARTNER_SUSPENDED -> false;
            case LEFT, SIGNED_OUT, TIMED_OUT, RIGHTS_ENDED, ACCOUNT_SUSPENDED -> true;
        };
    }

    /**
     * Whether the banner should still say why this tab's session ended: on the page where it was first said (also when
     * that page is built anew, as it is when the end is announced), but not on any later page, which is the partner
     * user's own again.
     */
    @Transactional(readOnly = true)
    public boolean endNoticeDue(String location) {
        Optional<String> shownOn = AccessTab.endNoticeShownOn();
        if (shownOn.isEmpty()) {
            AccessTab.endNoticeShownOn(location);
            return true;
        }
        if (shownOn.get().equals(location)) {
            return true;
        }
        AccessTab.leave();
        return false;
    }

    /**
     * Leaves the customer's account: the tab is the partner user's own again, and its next page says which account
     * was left (see {@link #justLeft}).
     */
    @Transactional
    public void leave() {
        Optional<CurrentAccess> left = current();
        tabSession(callers.current()).ifPresent(s -> end(s, AccessSession.EndReason.LEFT));
        AccessTab.leave();
        left.ifPresent(access -> AccessTab.left(access.customerName(), access.customerNumber()));
    }

    /**
     * The account (name and customer number) this tab has just left by choice, said once on the page it lands on and
     * then forgotten.
     */
    public Optional<List<String>> justLeft() {
        return AccessTab.takeLeft();
    }

    /** Ends every open session of the signed-in person, at sign-out. */
    @Transactional
    void endAllOf(long userId, AccessSession.EndReason why) {
        sessions.findOpenOf(userId).forEach(s -> end(s, why));
    }

    /** Ends every open session of a partner's people, or every open session in a customer account. */
    void endAllWith(long organizationId, AccessSession.EndReason why) {
        sessions.findOpenWith(organizationId).forEach(s -> end(s, why));
    }

    void end(AccessSession session, AccessSession.EndReason why) {
        end(session, why, endedBecause(why));
    }

    private void end(AccessSession session, AccessSession.EndReason why, AuditSummary.Term because) {
        if (!session.isOpen()) {
            return;
        }
        session.end(why, clock.instant());
        sessions.flush();
        AuditSummary summary = session.knowsNames()
                ? AuditSummary.of("access-session-ended-in", AuditSummary.person(session.getUserId()),
                        AuditSummary.organization(session.getCustomerName()), session.getCustomerNumber(),
                        AuditSummary.organization(session.getPartnerName()), because)
                : AuditSummary.of("access-session-ended", because);
        auditLog.record(AuditEntry.success(ENDED, session.getCustomerId(), summary));
        auditLog.record(AuditEntry.success(ENDED, session.getPartnerId(), summary));
    }

    /** Why a session ended, in words of the audit log. */
    private static AuditSummary.Term endedBecause(AccessSession.EndReason why) {
        return switch (why) {
            case LEFT -> AuditSummary.term("audit.term.access-ended-left");
            case SIGNED_OUT -> AuditSummary.term("audit.term.access-ended-signed-out");
            case TIMED_OUT -> AuditSummary.term("audit.term.access-ended-timed-out");
            case RIGHTS_ENDED -> AuditSummary.term("audit.term.access-ended-rights-ended");
            case MEMBERSHIP_ENDED -> AuditSummary.term("audit.term.access-ended-membership-ended");
            case NOT_ASSIGNED -> AuditSummary.term("audit.term.access-ended-not-assigned");
            case PARTNER_SUSPENDED -> AuditSummary.term("audit.term.access-ended-partner-suspended");
            case ACCOUNT_SUSPENDED -> AuditSummary.term("audit.term.access-ended-account-suspended");
        };
    }

    private CurrentAccess describe(AccessSession session, AccessStanding standing) {
        AccessGrant grant = grants.describe(standing);
        return new CurrentAccess(session.getId(), session.getPartnerId(), grant.partnerName(),
                session.getCustomerId(), grant.customerName(), grant.customerNumber(), session.getReason(),
                standing.rights());
    }
}
