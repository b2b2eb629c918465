package dev.kontor.partner;

import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.SecretTokens;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.CustomerDecisions.Parties;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.UserAccountService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's answer to a partner's request, through the personal link in the request e-mail. Opening the link
 * needs no sign-in: the token is the proof, checked by its hash. Answering needs either the addressee's first
 * password (when the partner created the account together with the request, so that the addressee's manager role
 * is still INVITED) or a signed-in active manager of the addressed account. A link that is expired, answered,
 * withdrawn, replaced or forged changes nothing; each such attempt is refused and audited.
 */
@Service
public class RelationshipAnswers {

    static final String REQUEST_LINK_REFUSED = "PARTNER_REQUEST_LINK_REFUSED";
    static final String ANSWER_REFUSED = "PARTNER_ANSWER_REFUSED";

    private final CustomerSideRepository relationships;
    private final RequestLinkArchive links;
    private final CustomerDecisions decisions;
    private final UserAccountService users;
    private final MembershipAdministration memberships;
    private final AuditLog auditLog;
    private final Clock clock;

    private final Callers callers;

    RelationshipAnswers(CustomerSideRepository relationships, RequestLinkArchive links, CustomerDecisions decisions,
                        UserAccountService users, MembershipAdministration memberships, AuditLog auditLog,
                        Clock clock, Callers callers) {
        this.callers = callers;
        this.relationships = relationships;
        this.links = links;
        this.decisions = decisions;
        this.users = users;
        this.memberships = memberships;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the link is worth, and how the person who opened it can answer; for anyone who holds the link. */
    @Transactional(readOnly = true)
    public RequestPreview preview(String token) {
        if (!SecretTokens.looksValid(token)) {
            return RequestPreview.closed(RequestLinkState.UNKNOWN);
        }
        String hash = SecretTokens.hash(token);
        Optional<PartnerRelationship> found = relationships.findByTokenHash(hash);
        if (found.isEmpty()) {
            return RequestPreview.closed(closedState(hash));
        }
        PartnerRelationship relationship = found.get();
        if (!relationship.isRequestOpenAt(clock.instant())) {
            return RequestPreview.closed(RequestLinkState.EXPIRED);
        }
        Parties parties = decisions.partiesOf(relationship);
        Optional<Addressee> addressee = relationships.findAddressee(relationship.getRequestEmail(),
                relationship.getCustomerId());
        boolean needsPassword = needsPassword(addressee);
        return new RequestPreview(RequestLinkState.OPEN, parties.partnerName(), parties.customerLabel(),
                parties.customer().customerNumber(), relationship.getRequestedRights(),
                relationship.getRequestEmail(), needsPassword, relationship.getRequestExpiresAt(),
                answerPath(relationship, needsPassword));
    }

    /**
     * Accepts the request with the rights the customer grants (VIEW is always included; they may be fewer or other
     * than requested). A new manager sets their first password with it ({@code password}, checked against the
     * password rules; ignored for anyone else) and becomes an active manager, and so the account's first contact
     * person; anyone else must be signed in as an active manager of the addressed account. All or nothing: a refused
     * password or a refused right changes nothing.
     */
    @Transactional
    public void accept(String token, Set<OrganizationRight> granted, String password) {
        PartnerRelationship relationship = openRequest(token);
        long answeredBy = answerer(relationship, password, true);
        decisions.accept(relationship, granted, answeredBy);
    }

    /** Declines the request: the partner gets no rights and is told. */
    @Transactional
    public void decline(String token) {
        PartnerRelationship relationship = openRequest(token);
        long answeredBy = answerer(relationship, null, false);
        decisions.decline(relationship, answeredBy);
    }

    private PartnerRelationship openRequest(String token) {
        if (!SecretTokens.looksValid(token)) {
            throw linkRefused(null, RequestLinkState.UNKNOWN);
        }
        String hash = SecretTokens.hash(token);
        PartnerRelationship relationship = relationships.lockByTokenHash(hash)
                .orElseThrow(() -> closedLinkRefused(hash));
        if (!relationship.isRequestOpenAt(clock.instant())) {
            throw linkRefused(relationship.getCustomerId(), RequestLinkState.EXPIRED);
        }
        return relationship;
    }

    /**
     * Who answers: a signed-in active manager of the account as themselves; with nobody signed in, the addressee
     * when they are new (and, to accept, set their first password and so become an active manager). Anyone else is
     * refused, including someone signed in who does not manage the account (they sign out first; their session's
     * identity must not mix with the new manager's).
     */
    private long answerer(PartnerRelationship relationship, String password, boolean accepting) {
        Optional<AuthenticatedUser> me = callers.person();
        if (me.isPresent() && relationships.belongsTo(me.get().userId(), relationship.getPartnerId())) {
            // nobody answers their own partner's request, however they came to manage the account
            auditLog.recordIndependently(AuditEntry.denied(ANSWER_REFUSED, relationship.getCustomerId(),
                    AuditSummary.of("partner-answer-refused-own-partner", relationship.getId(), me.get().email())));
            throw new AccessRefused();
        }
        if (me.isPresent() && relationships.isActiveManager(me.get().userId(), relationship.getCustomerId())) {
            return me.get().userId();
        }
        Optional<Addressee> addressee = relationships.findAddressee(relationship.getRequestEmail(),
                relationship.getCustomerId());
        if (me.isPresent() && isInvitedAddressee(addressee, me.get())) {
            // the addressee has a password and was invited as the new account's first manager: signed in as
            // themselves, accepting the request is accepting the invitation too
            if (accepting) {
                memberships.activateInvited(callers.taskFor("relationship-answers"),
                        addressee.get().invitedMembershipId());
            }
            return me.get().userId();
        }
        if (me.isEmpty() && needsPassword(addressee)) {
            Addressee newManager = addressee.get();
            if (accepting) {
                Parties parties = decisions.partiesOf(relationship);
                // proven by the link sent only to them: the audit log names the new manager, not the system
                Caller.Task task = callers.taskForLinkHolder("relationship-answers", users.findById(
                        callers.taskFor("relationship-answers"), newManager.userId()).orElseThrow());
                users.setFirstPassword(task, newManager.userId(), password,
                        List.of(parties.customer().name(), parties.partnerName()));
                memberships.activateInvited(task, newManager.invitedMembershipId());
            }
            return newManager.userId();
        }
        if (me.isEmpty()) {
            auditLog.recordIndependently(AuditEntry.denied(ANSWER_REFUSED, relationship.getCustomerId(),
                    AuditSummary.of("partner-answer-refused-not-signed-in", relationship.getId())));
            throw new RuleViolation("partner-answer.sign-in-required");
        }
        auditLog.recordIndependently(AuditEntry.denied(ANSWER_REFUSED, relationship.getCustomerId(),
                AuditSummary.of("partner-answer-refused-not-manager", relationship.getId(), me.get().email())));
        throw new AccessRefused();
    }

    private static boolean isInvitedAddressee(Optional<Addressee> addressee, AuthenticatedUser me) {
        return addressee.filter(a -> a.invitedMembershipId() != null && a.userId() == me.userId()).isPresent();
    }

    /** Whether the addressee is a new manager without a password; read as the system, since the link is the proof. */
    private boolean needsPassword(Optional<Addressee> addressee) {
        return addressee.filter(a -> a.invitedMembershipId() != null)
                .flatMap(a -> users.findById(callers.taskFor("relationship-answers"), a.userId()))
                .map(user -> !user.hasPassword())
                .orElse(false);
    }

    private AnswerPath answerPath(PartnerRelationship relationship, boolean needsPassword) {
        Optional<AuthenticatedUser> me = callers.person();
        if (me.isPresent()) {
            if (relationships.belongsTo(me.get().userId(), relationship.getPartnerId())) {
                return AnswerPath.SIGNED_IN_OTHER;
            }
            if (relationships.isActiveManager(me.get().userId(), relationship.getCustomerId())) {
                return AnswerPath.SIGNED_IN_MANAGER;
            }
            boolean invitedAddressee = isInvitedAddressee(relationships.findAddressee(relationship.getRequestEmail(),
                    relationship.getCustomerId()), me.get());
            return invitedAddressee ? AnswerPath.SIGNED_IN_INVITEE : AnswerPath.SIGNED_IN_OTHER;
        }
        return needsPassword ? AnswerPath.SET_PASSWORD : AnswerPath.SIGN_IN;
    }

    private RequestLinkState closedState(String hash) {
        return links.find(hash).map(RelationshipAnswers::stateOf).orElse(RequestLinkState.UNKNOWN);
    }

    private static RequestLinkState stateOf(ClosedRequestLink closed) {
        return switch (closed.getOutcome()) {
            case ACCEPTED, DECLINED -> RequestLinkState.ANSWERED;
            case WITHDRAWN -> RequestLinkState.WITHDRAWN;
            case EXPIRED -> RequestLinkState.EXPIRED;
            case REPLACED -> RequestLinkState.REPLACED;
        };
    }

    /** A link that no longer works (or never did); the refusal is audited on the account when it is known. */
    private RuntimeException closedLinkRefused(String hash) {
        Optional<ClosedRequestLink> closed = links.find(hash);
        Long customerId = closed.flatMap(link -> relationships.findCustomerId(link.getRelationshipId())).orElse(null);
        return linkRefused(customerId, closed.map(RelationshipAnswers::stateOf).orElse(RequestLinkState.UNKNOWN));
    }

    private RuntimeException linkRefused(Long customerId, RequestLinkState state) {
        String key = "partner-answer.link." + state.name().toLowerCase(Locale.ROOT);
        auditLog.recordIndependently(AuditEntry.denied(REQUEST_LINK_REFUSED, customerId,
                AuditSummary.of("partner-request-link-refused", linkStateTerm(state))));
        return new RuleViolation(key);
    }

    private static AuditSummary.Term linkStateTerm(RequestLinkState state) {
        return switch (state) {
            case OPEN -> AuditSummary.term("audit.term.partner-link-open");
            case EXPIRED -> AuditSummary.term("audit.term.partner-link-expired");
            case ANSWERED -> AuditSummary.term("audit.term.partner-link-answered");
            case WITHDRAWN -> AuditSummary.term("audit.term.partner-link-withdrawn");
            case REPLACED -> AuditSummary.term("audit.term.partner-link-replaced");
            case UNKNOWN -> AuditSummary.term("audit.term.partner-link-unknown");
        };
    }
}
