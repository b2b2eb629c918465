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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes and removes memberships of an organization for people who hold MANAGE_USERS there. Every change is
 * audited with its old and new state. A membership id from outside is only ever used together with the
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

    @PersistenceContext
    private EntityManager entityManager;

    MembershipAdministration(MembershipRepository memberships, OrganizationRepository organizations,
                             OrganizationAccess access, AuditLog auditLog, Clock clock,
                             ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
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
     * Gives a person a role in the organization, in the given state (ACTIVE, or INVITED until they accept). A
     * deactivated membership of the same role is revived instead; an active or invited one is refused.
     */
    public Member grant(long organizationId, long userId, MembershipRole role, MembershipState initialState) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("grant-role", role));
        requireLegalRepresentativeFor(organizationId, role, AuditSummary.action("grant-role", role));
        Organization organization = organizations.findById(organizationId).orElseThrow();
        if (initialState == MembershipState.ACTIVE) {
            events.publishEvent(new MembershipActivating(organizationId));
        }
        Membership membership = memberships.findByUserIdAndOrganizationIdAndRole(userId, organizationId, role)
                .map(existing -> revive(existing, initialState))
                .orElseGet(() -> memberships.save(new Membership(entityManager.getReference(UserAccount.class, userId),
                        organization, role, initialState, clock.instant())));
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId,
                AuditSummary.of("membership-granted", membership.getUser().getEmail(),
                        AuditSummary.term("membership.role." + role)),
                null, role + "/" + membership.getState()));
        announceIfActivated(membership);
        return toMember(membership);
    }

    /** Changes the state of one membership of this organization; returns the member as it is now. */
    public Member changeState(long organizationId, long membershipId, MembershipState target) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("change-membership", membershipId));
        Membership membership = findIn(organizationId, membershipId);
        requireLegalRepresentativeFor(organizationId, membership.getRole(), AuditSummary.action("change-role", membership.getRole()));
        MembershipState before = membership.getState();
        if (target == MembershipState.ACTIVE && before != MembershipState.ACTIVE) {
            events.publishEvent(new MembershipActivating(organizationId));
        }
        if (before == MembershipState.INVITED && target == MembershipState.ACTIVE) {
            // only the invited person activates an invited membership, by accepting the invitation
            throw new RuleViolation("membership.invited-accepts-themselves");
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
        return toMember(membership);
    }

    private void announceIfActivated(Membership membership) {
        if (membership.getState() == MembershipState.ACTIVE) {
            events.publishEvent(new MembershipActivated(membership.getOrganization().getId(),
                    membership.getUser().getId(), membership.getRole()));
        }
    }

    private Membership revive(Membership existing, MembershipState initialState) {
        if (existing.getState() != MembershipState.DEACTIVATED) {
            throw new RuleViolation("membership.exists");
        }
        existing.changeState(initialState == MembershipState.INVITED ? MembershipState.ACTIVE : initialState);
        return existing;
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
        return new Member(m.getId(), user.getId(), user.getDisplayName(), user.getEmail(), m.getRole(), m.getState(),
                m.getVersion());
    }
}
