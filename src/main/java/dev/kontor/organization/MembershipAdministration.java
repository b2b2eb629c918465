package dev.kontor.organization;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
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
        access.require(organizationId, OrganizationRight.VIEW, "List members");
        return memberships.findMembers(organizationId, role);
    }

    /**
     * Gives a person a role in the organization, in the given state (ACTIVE, or INVITED until they accept). A
     * deactivated membership of the same role is revived instead; an active or invited one is refused.
     */
    public Member grant(long organizationId, long userId, MembershipRole role, MembershipState initialState) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, "Grant " + role);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        Membership membership = memberships.findByUserIdAndOrganizationIdAndRole(userId, organizationId, role)
                .map(existing -> revive(existing, initialState))
                .orElseGet(() -> memberships.save(new Membership(entityManager.getReference(UserAccount.class, userId),
                        organization, role, initialState, clock.instant())));
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId,
                membership.getUser().getEmail() + " became " + role, null, role + "/" + membership.getState()));
        announceIfActivated(membership);
        return toMember(membership);
    }

    /** Changes the state of one membership of this organization; returns the member as it is now. */
    public Member changeState(long organizationId, long membershipId, MembershipState target) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, "Change membership " + membershipId);
        Membership membership = findIn(organizationId, membershipId);
        MembershipState before = membership.getState();
        membership.changeState(target);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_STATE_CHANGED, organizationId,
                membership.getUser().getEmail() + " as " + membership.getRole(), before.name(), target.name()));
        if (before != MembershipState.ACTIVE) {
            announceIfActivated(membership);
        }
        return toMember(membership);
    }

    /** Ends the membership: the person loses the role in this organization. */
    public void remove(long organizationId, long membershipId) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, "Remove membership " + membershipId);
        Membership membership = findIn(organizationId, membershipId);
        String who = membership.getUser().getEmail() + " as " + membership.getRole();
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
        membership.changeState(MembershipState.ACTIVE);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_STATE_CHANGED, membership.getOrganization().getId(),
                membership.getUser().getEmail() + " accepted the invitation as " + membership.getRole(),
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

    private Membership findIn(long organizationId, long membershipId) {
        return memberships.findById(membershipId)
                .filter(m -> m.getOrganization().getId() == organizationId)
                .orElseThrow(() -> new RuleViolation("membership.not-found"));
    }

    private static Member toMember(Membership m) {
        UserAccount user = m.getUser();
        return new Member(m.getId(), user.getId(), user.getDisplayName(), user.getEmail(), m.getRole(), m.getState(),
                m.getVersion());
    }
}
