package dev.kontor.organization;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.RuleViolation;
import dev.kontor.user.Roles;
import dev.kontor.user.UserAccount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites, changes and removes memberships of an organization for people who hold MANAGE_USERS there. Every change is
 * audited with its old and new state and told to the organization's leaders by e-mail. A membership id from outside is only ever used together with the
 * organization it must belong to, so a forged id changes nothing elsewhere.
 */
@Service
@Transactional
public class MembershipAdministration {

    static final String MEMBERSHIP_GRANTED = "MEMBERSHIP_GRANTED";
    static final String MEMBERSHIP_STATE_CHANGED = "MEMBERSHIP_STATE_CHANGED";
    static final String MEMBERSHIP_REMOVED = "MEMBERSHIP_REMOVED";

    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final OrganizationAccess access;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MembershipNotices notices;
    /** Looked up when used: the access feature knows whether the person works for a partner right now. */
    private final ObjectProvider<ActingPartner> actingPartner;

    @PersistenceContext
    private EntityManager entityManager;

    MembershipAdministration(MembershipRepository memberships, OrganizationRepository organizations,
                             OrganizationAccess access, AuditLog auditLog, Clock clock,
                             ApplicationEventPublisher events, MembershipNotices notices,
                             ObjectProvider<ActingPartner> actingPartner) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
        this.notices = notices;
        this.actingPartner = actingPartner;
    }

    @Transactional(readOnly = true)
    public List<Member> members(long organizationId, MembershipRole role) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("list-members"));
        return memberships.findMembers(organizationId, role);
    }

    /** Everyone with a membership in the organization, in any role and state (one row per role). */
    @Transactional(readOnly = true)
    public List<Member> allMembers(long organizationId) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("list-members"));
        return memberships.findAllMembers(organizationId);
    }

    /**
     * Invites a person into a role of the organization: the membership is INVITED, shows the typed name until the
     * person accepts, and grants nothing before. Nobody becomes a member without their own consent, so there is no
     * way to add someone as ACTIVE. A deactivated membership of the same role is invited anew. Someone who holds the
     * role already (active or invited) is left as they are and the answer is empty, which the caller turns into the
     * same reply as for anyone else. Inside an access session, the acting person and their partner's people are
     * refused (see {@link #refuseEnrollingOneself}). Every leader of the organization is told.
     */
    public Optional<Member> invite(long organizationId, long userId, MembershipRole role, String typedName) {
        AuditSummary.Term attempted = AuditSummary.action("grant-role", role);
        access.require(organizationId, OrganizationRight.MANAGE_USERS, attempted);
        requireLegalRepresentativeFor(organizationId, role, attempted);
        refuseEnrollingOneself(organizationId, userId, attempted);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        Optional<Membership> existing = memberships.findByUserIdAndOrganizationIdAndRole(userId, organizationId, role);
        if (existing.isPresent() && existing.get().getState() != MembershipState.DEACTIVATED) {
            return Optional.empty();
        }
        String before = existing.map(m -> role + "/" + m.getState()).orElse(null);
        Membership membership = existing.map(m -> {
            m.reinvite(typedName);
            return m;
        }).orElseGet(() -> memberships.save(Membership.invited(entityManager.getReference(UserAccount.class, userId),
                organization, role, typedName, clock.instant())));
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId,
                AuditSummary.of("membership-invited-as", membership.getUser().getEmail(),
                        AuditSummary.term("membership.role." + role)),
                before, role + "/" + MembershipState.INVITED));
        notices.changed(membership, MembershipNotices.Change.INVITED);
        return Optional.of(toMember(membership));
    }

    /** Changes the state of one membership of this organization; returns the member as it is now. */
    public Member changeState(long organizationId, long membershipId, MembershipState target) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("change-membership", membershipId));
        Membership membership = findIn(organizationId, membershipId);
        requireLegalRepresentativeFor(organizationId, membership.getRole(), AuditSummary.action("change-role", membership.getRole()));
        MembershipState before = membership.getState();
        if (before == MembershipState.INVITED && target == MembershipState.ACTIVE) {
            // only the invited person activates an invited membership, by accepting the invitation
            throw new RuleViolation("membership.invited-accepts-themselves");
        }
        if (target == MembershipState.ACTIVE && before != MembershipState.ACTIVE) {
            refuseEnrollingOneself(organizationId, membership.getUser().getId(),
                    AuditSummary.action("change-membership", membershipId));
            events.publishEvent(new MembershipActivating(organizationId));
        }
        membership.changeState(target);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_STATE_CHANGED, organizationId,
                AuditSummary.of("membership-of", membership.getUser().getEmail(),
                        AuditSummary.term("membership.role." + membership.getRole())),
                before.name(), target.name()));
        if (before != MembershipState.ACTIVE) {
            announceIfActivated(membership);
        }
        if (before != target) {
            notices.changed(membership, target == MembershipState.ACTIVE ? MembershipNotices.Change.REACTIVATED
                    : MembershipNotices.Change.DEACTIVATED);
        }
        return toMember(membership);
    }

    /** Ends the membership: the person loses the role in this organization. */
    public void remove(long organizationId, long membershipId) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("remove-membership", membershipId));
        Membership membership = findIn(organizationId, membershipId);
        requireLegalRepresentativeFor(organizationId, membership.getRole(), AuditSummary.action("remove-role", membership.getRole()));
        AuditSummary who = AuditSummary.of("membership-of", membership.getUser().getEmail(),
                AuditSummary.term("membership.role." + membership.getRole()));
        String before = membership.getState().name();
        notices.changed(membership, MembershipNotices.Change.REMOVED);
        memberships.delete(membership);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_REMOVED, organizationId, who, before, null));
    }

    /** Turns an invitation's membership active once the invited person has accepted; for the system only. */
    @PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
    public Member activateInvited(long membershipId) {
        Membership membership = memberships.findById(membershipId).orElseThrow();
        if (membership.getState() != MembershipState.INVITED) {
            throw new RuleViolation("invitation.not-open");
        }
        events.publishEvent(new MembershipActivating(membership.getOrganization().getId()));
        membership.changeState(MembershipState.ACTIVE);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_STATE_CHANGED, membership.getOrganization().getId(),
                AuditSummary.of("membership-invitation-accepted", membership.getUser().getEmail(),
                        AuditSummary.term("membership.role." + membership.getRole())),
                MembershipState.INVITED.name(), MembershipState.ACTIVE.name()));
        announceIfActivated(membership);
        notices.answered(membership, MembershipNotices.Change.ACCEPTED);
        return toMember(membership);
    }

    /** The invited person declined: the invited membership ends; for the system only (the invitation is the proof). */
    @PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
    public void declineInvited(long membershipId) {
        Membership membership = memberships.findById(membershipId).orElseThrow();
        if (membership.getState() != MembershipState.INVITED) {
            throw new RuleViolation("invitation.not-open");
        }
        long organizationId = membership.getOrganization().getId();
        AuditSummary who = AuditSummary.of("membership-invitation-declined", membership.getUser().getEmail(),
                AuditSummary.term("membership.role." + membership.getRole()));
        notices.answered(membership, MembershipNotices.Change.DECLINED);
        memberships.delete(membership);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_REMOVED, organizationId, who, MembershipState.INVITED.name(),
                null));
    }

    /** The name an invited membership shows (the one the inviter typed); for the system, to word the invitation. */
    @PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
    @Transactional(readOnly = true)
    public Optional<String> invitedName(long membershipId) {
        return memberships.findById(membershipId).filter(m -> m.getState() == MembershipState.INVITED)
                .map(Membership::shownName);
    }

    private void announceIfActivated(Membership membership) {
        if (membership.getState() == MembershipState.ACTIVE) {
            events.publishEvent(new MembershipActivated(membership.getOrganization().getId(),
                    membership.getUser().getId(), membership.getRole()));
        }
    }

    /** An invited membership of this organization, for issuing its invitation; a foreign id is refused. */
    @Transactional(readOnly = true)
    public Member invitedMember(long organizationId, long membershipId) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("invite"));
        Membership membership = findIn(organizationId, membershipId);
        if (membership.getState() != MembershipState.INVITED) {
            throw new RuleViolation("invitation.not-open");
        }
        return toMember(membership);
    }

    /**
     * Inside an access session a partner works for the customer, never for itself: nobody there gives a role of the
     * customer (or of a tenant below it) to themselves or to anyone who belongs to their partner, in any role or
     * state. Otherwise a partner could make itself a manager and then decide on its own partnership.
     */
    private void refuseEnrollingOneself(long organizationId, long userId, AuditSummary.Term attempted) {
        Optional<OrganizationPath> path = access.pathOf(organizationId);
        Optional<Long> partner = path.flatMap(p -> actingPartner.orderedStream()
                .map(acting -> acting.partnerActingIn(p)).flatMap(Optional::stream).findFirst());
        if (partner.isEmpty()) {
            return;
        }
        long me = dev.kontor.user.CurrentUser.require().userId();
        if (userId == me || memberships.existsByUserIdAndOrganizationId(userId, partner.get())) {
            auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, organizationId,
                    AuditSummary.of("refused-enrolling-own-partner", attempted)));
            throw new RuleViolation("membership.not-for-own-partner");
        }
    }

    /** Partner leads' roles are given and taken by the partner's legal representatives only (rule 4). */
    private void requireLegalRepresentativeFor(long organizationId, MembershipRole role, AuditSummary.Term attempted) {
        if (role != MembershipRole.LEGAL_REPRESENTATIVE && role != MembershipRole.PARTNER_ADMINISTRATOR) {
            return;
        }
        long me = dev.kontor.user.CurrentUser.require().userId();
        if (!memberships.findRolesIn(me, organizationId, MembershipState.ACTIVE)
                .contains(MembershipRole.LEGAL_REPRESENTATIVE)) {
            auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, organizationId,
                    AuditSummary.of("refused-not-legal-representative", attempted)));
            throw new dev.kontor.base.AccessRefused();
        }
    }

    /**
     * The membership with this id, when it belongs to this organization. An id from elsewhere is a forged or stale
     * reference: the attempt is audited and refused.
     */
    private Membership findIn(long organizationId, long membershipId) {
        return memberships.findById(membershipId)
                .filter(m -> m.getOrganization().getId() == organizationId)
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, organizationId,
                            AuditSummary.of("membership-not-of-this-organization", membershipId)));
                    return new RuleViolation("membership.not-found");
                });
    }

    private static Member toMember(Membership m) {
        UserAccount user = m.getUser();
        return new Member(m.getId(), user.getId(), m.shownName(), user.getEmail(), m.getRole(), m.getState(),
                m.getVersion());
    }
}
