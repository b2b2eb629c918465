package dev.kontor.invitation;

import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.base.SecretTokens;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invitation links and lets the invited person accept or decline them. The token, checked by its hash, proves
 * that the link is valid; who may answer with it is the invited person only: someone new sets a password without
 * signing in, someone who has one signs in first. A token that is unknown, expired, used or revoked changes nothing.
 */
@Service
public class InvitationService {

    static final String INVITATION_ISSUED = "INVITATION_ISSUED";
    static final String INVITATION_ACCEPTED = "INVITATION_ACCEPTED";
    static final String INVITATION_REFUSED = "INVITATION_REFUSED";
    static final String INVITATION_DECLINED = "INVITATION_DECLINED";

    private final InvitationRepository invitations;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final MembershipAdministration memberships;
    private final UserAccountService users;
    private final AuditLog auditLog;
    private final PublicAddress publicAddress;
    private final InvitationSettings settings;
    private final Clock clock;

    private final Callers callers;

    InvitationService(InvitationRepository invitations, OrganizationAccess access, OrganizationService organizations,
                      MembershipAdministration memberships, UserAccountService users, AuditLog auditLog,
                      PublicAddress publicAddress, InvitationSettings settings, Clock clock, Callers callers) {
        this.callers = callers;
        this.invitations = invitations;
        this.access = access;
        this.organizations = organizations;
        this.memberships = memberships;
        this.users = users;
        this.auditLog = auditLog;
        this.publicAddress = publicAddress;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A new invitation for an invited membership; earlier open invitations for it stop working. Runs inside the
     * caller's transaction, so that the invitation and its e-mail are kept or dropped together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedInvitation issue(InvitationPurpose purpose, long organizationId, long membershipId) {
        AuthenticatedUser me = access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("invite"));
        // the membership must be an invited one of this very organization; its person is the invitee
        long userId = memberships.invitedMember(organizationId, membershipId).userId();
        Instant now = clock.instant();
        invitations.findOpenFor(membershipId).stream().filter(open -> open.getOrganizationId() == organizationId)
                .forEach(open -> open.revoke(now));
        String token = SecretTokens.newToken();
        Invitation invitation = invitations.save(new Invitation(SecretTokens.hash(token), purpose, organizationId,
                membershipId, userId, me.personId(), now, now.plus(settings.validity())));
        auditLog.record(AuditEntry.success(INVITATION_ISSUED, organizationId,
                AuditSummary.of("invitation-issued", AuditSummary.term("membership.role." + purpose),
                        AuditSummary.person(userId),
                        invitation.getExpiresAt())));
        return new IssuedInvitation(invitation.getId(), publicAddress.linkTo("/invitation/" + token),
                invitation.getExpiresAt());
    }

    /**
     * As {@link #issue}, for an invitation the application itself gives, with nobody signed in: the first provider
     * administrator of a new installation. For the system only; the caller has just created the invited membership.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedInvitation issueBySystem(Caller.Task task, InvitationPurpose purpose, long organizationId,
                                          long membershipId, long userId) {
        Caller.requireTask(task);
        return issueWithoutCheck(purpose, organizationId, membershipId, userId, null);
    }

    /**
     * Until when a link of this purpose still works (the latest of those neither used, withdrawn nor expired); for the
     * system, on the first start, which waits for such a link rather than invite anyone a second time.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> openUntil(Caller.Task task, InvitationPurpose purpose) {
        Caller.requireTask(task);
        return invitations.latestOpenUntil(purpose, clock.instant());
    }

    /**
     * As {@link #issue}, for the provider's administration, which has checked that the caller administers the
     * provider and has just created the invited membership of this person (nobody has rights in a new partner yet).
     * Runs as the application, inside the caller's transaction; the inviter is the person who started the work.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedInvitation issueOnProviderBehalf(Caller.Task task, InvitationPurpose purpose, long organizationId,
                                                  long membershipId, long userId) {
        Caller.requireTask(task);
        // an API token is nobody: its invitation names no inviting person (the audit log names the token)
        Long inviter = task.initiator().orElseThrow().personId();
        return issueWithoutCheck(purpose, organizationId, membershipId, userId, inviter);
    }

    /** The invitation of a caller that has checked the right to give it; {@code inviter} is null for the application. */
    private IssuedInvitation issueWithoutCheck(InvitationPurpose purpose, long organizationId, long membershipId,
                                               long userId, Long inviter) {
        Instant now = clock.instant();
        invitations.findOpenFor(membershipId).stream().filter(open -> open.getOrganizationId() == organizationId)
                .forEach(open -> open.revoke(now));
        String token = SecretTokens.newToken();
        Invitation invitation = invitations.save(new Invitation(SecretTokens.hash(token), purpose, organizationId,
                membershipId, userId, inviter, now, now.plus(settings.validity())));
        auditLog.record(AuditEntry.success(INVITATION_ISSUED, organizationId,
                AuditSummary.of("invitation-issued", AuditSummary.term("membership.role." + purpose),
                        AuditSummary.person(userId), invitation.getExpiresAt())));
        return new IssuedInvitation(invitation.getId(), publicAddress.linkTo("/invitation/" + token),
                invitation.getExpiresAt());
    }

    /** Stops the open invitations of a membership, e.g. when the invited manager is removed before accepting. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeOpenFor(long organizationId, long membershipId) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("revoke-invitation"));
        Instant now = clock.instant();
        invitations.findOpenFor(membershipId).stream()
                .filter(i -> i.getOrganizationId() == organizationId)
                .forEach(open -> open.revoke(now));
    }

    /** What the link is worth; for anyone who holds the link. */
    @Transactional(readOnly = true)
    public InvitationPreview preview(String token) {
        if (!SecretTokens.looksValid(token)) {
            return InvitationPreview.unknown();
        }
        Optional<AuthenticatedUser> signedIn = callers.person();
        Caller.Task task = callers.taskFor("invitation");
        return invitations.findByTokenHash(SecretTokens.hash(token)).map(invitation -> {
            OrganizationSummary organization = organizations.describe(task, invitation.getOrganizationId())
                    .orElseThrow();
            UserSummary user = users.findById(task, invitation.getUserId()).orElseThrow();
            String typedName = memberships.invitedName(task, invitation.getMembershipId()).orElse(user.displayName());
            // the invitation e-mail names the inviter already: the page that link opens says the same
            String inviter = invitation.getInvitedBy()
                    .flatMap(id -> users.findById(task, id))
                    .map(UserSummary::displayName).filter(name -> name != null && !name.isBlank()).orElse(null);
            return new InvitationPreview(invitation.stateAt(clock.instant()), invitation.getPurpose(),
                    organization.label(), user.email(), typedName, !user.hasPassword(), pathFor(user, signedIn),
                    memberships.needsApproval(task, invitation.getMembershipId()), inviter);
        }).orElseGet(InvitationPreview::unknown);
    }

    /**
     * Accepts an open invitation, by the invited person only: someone new sets their first password (checked against
     * the password rules) without signing in; someone who has a password must be signed in as themselves. Then the
     * membership is active, or, when a partner invited the person, waits for one of the customer's own people to
     * approve it. Everything happens in one transaction; a refusal changes nothing and is audited.
     */
    @Transactional
    public void accept(String token, String password) {
        Invitation invitation = openInvitation(token);
        UserSummary user = requireInvitee(invitation, AuditSummary.action("accept-invitation"));
        // the invitee accepts, signed in or (someone new) proven by the link: the audit log names them either way
        Caller.Task task = callers.person().isPresent() ? callers.taskFor("invitation")
                : callers.taskForLinkHolder("invitation", user);
        OrganizationSummary organization = organizations.describe(task, invitation.getOrganizationId()).orElseThrow();
        if (!user.hasPassword()) {
            users.setFirstPassword(task, user.id(), password, List.of(organization.name()));
        }
        var member = memberships.activateInvited(task, invitation.getMembershipId());
        invitation.accept(clock.instant());
        auditLog.record(task, AuditEntry.change(INVITATION_ACCEPTED, invitation.getOrganizationId(),
                AuditSummary.of("invitation-link-accepted", AuditSummary.person(user.id(), user.email()),
                        AuditSummary.term("membership.role." + invitation.getPurpose())),
                AuditValue.membershipState(MembershipState.INVITED), AuditValue.membershipState(member.state())));
    }

    /** Declines an open invitation, by the invited person only (as for accepting): the invited role ends unused. */
    @Transactional
    public void decline(String token) {
        Invitation invitation = openInvitation(token);
        UserSummary user = requireInvitee(invitation, AuditSummary.action("decline-invitation"));
        invitation.revoke(clock.instant());
        memberships.declineInvited(callers.taskFor("invitation"), invitation.getMembershipId());
        auditLog.record(AuditEntry.change(INVITATION_DECLINED, invitation.getOrganizationId(),
                AuditSummary.of("invitation-link-declined", AuditSummary.person(user.id(), user.email()),
                        AuditSummary.term("membership.role." + invitation.getPurpose())),
                AuditValue.membershipState(MembershipState.INVITED), null));
    }

    private Invitation openInvitation(String token) {
        Invitation invitation = (SecretTokens.looksValid(token)
                ? invitations.lockByTokenHash(SecretTokens.hash(token)) : Optional.<Invitation>empty())
                .orElseThrow(() -> refused(null, InvitationState.UNKNOWN));
        InvitationState state = invitation.stateAt(clock.instant());
        if (state != InvitationState.OPEN) {
            throw refused(invitation, state);
        }
        return invitation;
    }

    /**
     * The link alone proves nothing about who holds it: a person who has a password answers signed in as
     * themselves, and nobody signed in as someone else answers in their name.
     */
    private UserSummary requireInvitee(Invitation invitation, AuditSummary.Term attempted) {
        Optional<AuthenticatedUser> me = callers.person();
        UserSummary user = users.findById(callers.taskFor("invitation"), invitation.getUserId()).orElseThrow();
        InvitationPath path = pathFor(user, me);
        if (path == InvitationPath.SIGN_IN || path == InvitationPath.SIGNED_IN_OTHER) {
            auditLog.recordIndependently(AuditEntry.denied(INVITATION_REFUSED, invitation.getOrganizationId(),
                    AuditSummary.of(path == InvitationPath.SIGN_IN ? "invitation-refused-not-signed-in"
                            : "invitation-refused-other-person", attempted)));
            throw new RuleViolation(path == InvitationPath.SIGN_IN ? "invitation.sign-in-required"
                    : "invitation.other-person");
        }
        return user;
    }

    private static InvitationPath pathFor(UserSummary invitee, Optional<AuthenticatedUser> signedIn) {
        if (signedIn.isPresent()) {
            return signedIn.get().userId() == invitee.id() ? InvitationPath.SIGNED_IN_INVITEE
                    : InvitationPath.SIGNED_IN_OTHER;
        }
        return invitee.hasPassword() ? InvitationPath.SIGN_IN : InvitationPath.SET_PASSWORD;
    }

    /** Audits a link that is not (or no longer) open and says why, e.g. {@code invitation.expired}. */
    private RuntimeException refused(Invitation invitation, InvitationState state) {
        AuditSummary.Term why = switch (state) {
            case EXPIRED -> AuditSummary.term("audit.term.invitation-link-expired");
            case USED -> AuditSummary.term("audit.term.invitation-link-used");
            case REVOKED -> AuditSummary.term("audit.term.invitation-link-revoked");
            case UNKNOWN -> AuditSummary.term("audit.term.invitation-link-unknown");
            case OPEN -> throw new IllegalArgumentException("an open invitation is not refused");
        };
        auditLog.recordIndependently(AuditEntry.denied(INVITATION_REFUSED,
                invitation == null ? null : invitation.getOrganizationId(),
                AuditSummary.of("invitation-link-refused", why)));
        return new RuleViolation("invitation." + state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
