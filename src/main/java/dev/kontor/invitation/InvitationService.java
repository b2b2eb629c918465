package dev.kontor.invitation;

import dev.kontor.audit.AuditSummary;
import dev.kontor.base.SecretTokens;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.SystemTask;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invitation links and lets the invited person accept them. Opening and accepting need no sign-in: the
 * token is the proof, checked by its hash; a token that is unknown, expired, used or revoked changes nothing.
 */
@Service
public class InvitationService {

    static final String INVITATION_ISSUED = "INVITATION_ISSUED";
    static final String INVITATION_ACCEPTED = "INVITATION_ACCEPTED";
    static final String INVITATION_REFUSED = "INVITATION_REFUSED";

    private final InvitationRepository invitations;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final MembershipAdministration memberships;
    private final UserAccountService users;
    private final AuditLog auditLog;
    private final PublicAddress publicAddress;
    private final InvitationSettings settings;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, OrganizationAccess access, OrganizationService organizations,
                      MembershipAdministration memberships, UserAccountService users, AuditLog auditLog,
                      PublicAddress publicAddress, InvitationSettings settings, Clock clock) {
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
                membershipId, userId, me.userId(), now, now.plus(settings.validity())));
        auditLog.record(AuditEntry.success(INVITATION_ISSUED, organizationId,
                AuditSummary.of("invitation-issued", AuditSummary.term("membership.role." + purpose), userId,
                        invitation.getExpiresAt())));
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
        return invitations.findByTokenHash(SecretTokens.hash(token)).map(invitation -> SystemTask.call(() -> {
            OrganizationSummary organization = organizations.describe(invitation.getOrganizationId()).orElseThrow();
            UserSummary user = users.findById(invitation.getUserId()).orElseThrow();
            return new InvitationPreview(invitation.stateAt(clock.instant()), invitation.getPurpose(),
                    organization.label(), user.email(), user.displayName(), !user.hasPassword());
        })).orElseGet(InvitationPreview::unknown);
    }

    /**
     * Accepts an open invitation: sets the person's first password (checked against the password rules) and makes
     * the membership active. Everything happens in one transaction; a refused password changes nothing.
     */
    @Transactional
    public void accept(String token, String password) {
        Invitation invitation = (SecretTokens.looksValid(token)
                ? invitations.lockByTokenHash(SecretTokens.hash(token)) : java.util.Optional.<Invitation>empty())
                .orElseThrow(() -> refused(null, InvitationState.UNKNOWN));
        InvitationState state = invitation.stateAt(clock.instant());
        if (state != InvitationState.OPEN) {
            throw refused(invitation, state);
        }
        SystemTask.run(() -> {
            OrganizationSummary organization = organizations.describe(invitation.getOrganizationId()).orElseThrow();
            UserSummary user = users.findById(invitation.getUserId()).orElseThrow();
            if (!user.hasPassword()) {
                users.setFirstPassword(user.id(), password, List.of(organization.name()));
            }
            memberships.activateInvited(invitation.getMembershipId());
            invitation.accept(clock.instant());
            auditLog.record(AuditEntry.change(INVITATION_ACCEPTED, invitation.getOrganizationId(),
                    AuditSummary.of("invitation-link-accepted", user.email(),
                            AuditSummary.term("membership.role." + invitation.getPurpose())), "INVITED", "ACTIVE"));
        });
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
