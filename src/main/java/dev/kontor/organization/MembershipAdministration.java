package dev.kontor.organization;

import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.base.RuleViolation;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.UserAccount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites, changes and removes memberships of an organization for people who hold MANAGE_USERS there, and lets the
 * customer's own people approve or refuse those that a partner asked for. Every change is audited with its old and
 * new state and told to the organization's leaders by e-mail. A membership id from outside is only ever used together
 * with the organization it must belong to, so a forged id changes nothing elsewhere.
 */
@Service
@Transactional
public class MembershipAdministration {

    static final String MEMBERSHIP_GRANTED = "MEMBERSHIP_GRANTED";
    static final String MEMBERSHIP_STATE_CHANGED = "MEMBERSHIP_STATE_CHANGED";
    static final String MEMBERSHIP_REMOVED = "MEMBERSHIP_REMOVED";
    static final String MEMBERSHIP_APPROVED = "MEMBERSHIP_APPROVED";
    static final String MEMBERSHIP_REFUSED = "MEMBERSHIP_REFUSED";
    static final String APPROVAL_DENIED = "MEMBERSHIP_APPROVAL_DENIED";

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

    private final Callers callers;

    MembershipAdministration(MembershipRepository memberships, OrganizationRepository organizations,
                             OrganizationAccess access, AuditLog auditLog, Clock clock,
                             ApplicationEventPublisher events, MembershipNotices notices,
                             ObjectProvider<ActingPartner> actingPartner, Callers callers) {
        this.callers = callers;
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
     * role already (invited, waiting for approval or active) is left as they are and the answer is empty, which the
     * caller turns into the same reply as for anyone else. Inside an access session (or in a customer's tenants
     * through the partnership), the acting person and their partner's people are refused (see
     * {@link #refuseEnrollingOneself}), and whoever else is invited there is invited on the partner's behalf: after
     * accepting they wait for one of the customer's own people to approve them (see {@link #approve}), since Kontor
     * cannot know whether the address is a mailbox of the partner's own. Every leader of the organization is told.
     */
    public Optional<Member> invite(long organizationId, long userId, MembershipRole role, String typedName) {
        AuditSummary.Term attempted = AuditSummary.action("grant-role", role);
        access.require(organizationId, OrganizationRight.MANAGE_USERS, attempted);
        requireLegalRepresentativeFor(organizationId, role, attempted);
        Optional<Long> partner = access.pathOf(organizationId).flatMap(this::partnerActingIn);
        refuseEnrollingOneself(organizationId, userId, partner, attempted);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        Optional<Membership> existing = memberships.findByUserIdAndOrganizationIdAndRole(userId, organizationId, role);
        if (existing.isPresent() && existing.get().getState() != MembershipState.DEACTIVATED) {
            return Optional.empty();
        }
        String before = existing.map(m -> AuditValue.membership(role, m.getState())).orElse(null);
        Long byPartner = partner.orElse(null);
        Membership membership = existing.map(m -> {
            m.reinvite(typedName, byPartner);
            return m;
        }).orElseGet(() -> memberships.save(Membership.invited(entityManager.getReference(UserAccount.class, userId),
                organization, role, typedName, byPartner, clock.instant())));
        memberships.flush();
        AuditSummary.Term roleTerm = AuditSummary.term("membership.role." + role);
        auditLog.record(AuditEntry.change(MEMBERSHIP_GRANTED, organizationId, partner
                        .map(p -> AuditSummary.of("membership-invited-as-for-partner", audited(membership),
                                roleTerm, partnerName(p)))
                        .orElseGet(() -> AuditSummary.of("membership-invited-as", audited(membership),
                                roleTerm)),
                before, AuditValue.membership(role, MembershipState.INVITED)));
        notices.changed(membership, MembershipNotices.Change.INVITED);
        return Optional.of(toMember(membership));
    }

    /**
     * Deactivates or reactivates one membership of this organization; returns the member as it is now. An invited
     * membership or one that waits for approval changes only by its own steps (accepting, approving, refusing).
     * Reactivated inside an access session (or through a partnership), the member waits for approval again, like a
     * partner's invitee: otherwise a partner could revive someone the customer had deactivated.
     */
    public Member changeState(long organizationId, long membershipId, MembershipState target) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("change-membership", membershipId));
        Membership membership = findIn(organizationId, membershipId);
        requireLegalRepresentativeFor(organizationId, membership.getRole(), AuditSummary.action("change-role", membership.getRole()));
        MembershipState before = membership.getState();
        if (before == MembershipState.INVITED) {
            // only the invited person activates an invited membership, by accepting the invitation
            throw new RuleViolation(target == MembershipState.ACTIVE ? "membership.invited-accepts-themselves"
                    : "membership.invited-remove-instead");
        }
        if (before == MembershipState.APPROVAL_PENDING) {
            throw new RuleViolation("membership.approval.decide-instead");
        }
        if (target != MembershipState.ACTIVE && target != MembershipState.DEACTIVATED) {
            throw new RuleViolation("membership.state-not-settable");
        }
        if (target == MembershipState.ACTIVE && before != MembershipState.ACTIVE) {
            AuditSummary.Term attempted = AuditSummary.action("change-membership", membershipId);
            Optional<Long> partner = access.pathOf(organizationId).flatMap(this::partnerActingIn);
            refuseEnrollingOneself(organizationId, membership.getUser().getId(), partner, attempted);
            if (partner.isPresent()) {
                return revivedForPartner(membership, partner.get());
            }
            events.publishEvent(new MembershipActivating(organizationId));
        }
        membership.changeState(target);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_STATE_CHANGED, organizationId,
                AuditSummary.of("membership-of", audited(membership),
                        AuditSummary.term("membership.role." + membership.getRole())),
                AuditValue.membershipState(before), AuditValue.membershipState(target)));
        if (before != MembershipState.ACTIVE) {
            announceIfActivated(membership);
        }
        if (before != target) {
            notices.changed(membership, target == MembershipState.ACTIVE ? MembershipNotices.Change.REACTIVATED
                    : MembershipNotices.Change.DEACTIVATED);
        }
        return toMember(membership);
    }

    private Member revivedForPartner(Membership membership, long partnerId) {
        long organizationId = membership.getOrganization().getId();
        membership.reviveForPartner(partnerId);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_STATE_CHANGED, organizationId,
                AuditSummary.of("membership-revived-for-partner", audited(membership),
                        AuditSummary.term("membership.role." + membership.getRole()), partnerName(partnerId)),
                AuditValue.membershipState(MembershipState.DEACTIVATED),
                AuditValue.membershipState(MembershipState.APPROVAL_PENDING)));
        notices.changed(membership, MembershipNotices.Change.REACTIVATED_AWAITING_APPROVAL);
        return toMember(membership);
    }

    /** Ends the membership: the person loses the role in this organization. */
    public void remove(long organizationId, long membershipId) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("remove-membership", membershipId));
        Membership membership = findIn(organizationId, membershipId);
        requireLegalRepresentativeFor(organizationId, membership.getRole(), AuditSummary.action("remove-role", membership.getRole()));
        AuditSummary who = AuditSummary.of("membership-of", audited(membership),
                AuditSummary.term("membership.role." + membership.getRole()));
        String before = AuditValue.membershipState(membership.getState());
        notices.changed(membership, MembershipNotices.Change.REMOVED);
        memberships.delete(membership);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_REMOVED, organizationId, who, before, null));
    }

    /**
     * The invited person has accepted: the membership turns active, or, when a partner invited them, waits for one of
     * the customer's own people to approve it. For the system only (the invitation is the proof).
     */
    public Member activateInvited(Caller.Task task, long membershipId) {
        Caller.requireTask(task);
        Membership membership = memberships.findById(membershipId).orElseThrow();
        if (membership.getState() != MembershipState.INVITED) {
            throw new RuleViolation("invitation.not-open");
        }
        boolean needsApproval = membership.getInvitedByPartnerId().isPresent();
        if (!needsApproval) {
            events.publishEvent(new MembershipActivating(membership.getOrganization().getId()));
        }
        membership.accept();
        memberships.flush();
        AuditSummary.Term role = AuditSummary.term("membership.role." + membership.getRole());
        auditLog.record(task, AuditEntry.change(MEMBERSHIP_STATE_CHANGED, membership.getOrganization().getId(),
                needsApproval ? AuditSummary.of("membership-invitation-accepted-awaiting-approval",
                        audited(membership), role, partnerName(membership.getInvitedByPartnerId().get()))
                        : AuditSummary.of("membership-invitation-accepted", audited(membership), role),
                AuditValue.membershipState(MembershipState.INVITED), AuditValue.membershipState(membership.getState())));
        announceIfActivated(membership);
        notices.answered(membership, needsApproval ? MembershipNotices.Change.ACCEPTED_AWAITING_APPROVAL
                : MembershipNotices.Change.ACCEPTED);
        return toMember(membership);
    }

    /** Whether the invited membership will wait for approval once accepted; for the system, to word the invitation. */
    @Transactional(readOnly = true)
    public boolean needsApproval(Caller.Task task, long membershipId) {
        Caller.requireTask(task);
        return memberships.findById(membershipId).filter(m -> m.getState() == MembershipState.INVITED)
                .flatMap(Membership::getInvitedByPartnerId).isPresent();
    }

    /**
     * Whether the people the signed-in person invites (or reactivates) in this organization now would wait, after
     * accepting, for one of the customer's own people to approve them: so while they work here for a partner (an
     * access session, or the partnership's MANAGE_TENANTS in a customer's tenants). Asked by the dialogs that invite,
     * to say so beforehand; it needs the same right as inviting.
     */
    @Transactional(readOnly = true)
    public boolean invitationsNeedApproval(long organizationId) {
        access.require(organizationId, OrganizationRight.MANAGE_USERS, AuditSummary.action("invite"));
        return access.pathOf(organizationId).flatMap(this::partnerActingIn).isPresent();
    }

    /**
     * Approves a membership that a partner asked for and the person has accepted: it turns active. Only one of the
     * customer's own people decides (see {@link #refusalToDecide}): an active manager of the customer account, or an
     * active administrator of the tenant or of a tenant above it, who is not the person, does not belong to the
     * partner, was not brought in by that partner, and is not working inside an access session (or for a
     * partner through the partnership). Every refusal is audited.
     */
    public Member approve(long organizationId, long membershipId) {
        AuditSummary.Term attempted = AuditSummary.action("approve-membership", membershipId);
        AuthenticatedUser me = access.require(organizationId, OrganizationRight.MANAGE_USERS, attempted);
        Membership membership = findForDecision(organizationId, membershipId);
        requireDecider(me, membership, attempted);
        requireAwaitingApproval(membership);
        events.publishEvent(new MembershipActivating(organizationId));
        membership.approve(me.userId(), clock.instant());
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_APPROVED, organizationId,
                AuditSummary.of("membership-approved", audited(membership),
                        AuditSummary.term("membership.role." + membership.getRole()),
                        partnerName(membership.getInvitedByPartnerId().orElseThrow())),
                AuditValue.membershipState(MembershipState.APPROVAL_PENDING),
                AuditValue.membershipState(MembershipState.ACTIVE)));
        announceIfActivated(membership);
        notices.changed(membership, MembershipNotices.Change.APPROVED);
        notices.decided(membership, MembershipNotices.Change.APPROVED);
        return toMember(membership);
    }

    /**
     * Refuses a membership that a partner asked for: it ends, as if it had never been. The same people decide as for
     * {@link #approve}; the person and the organization's leaders are told.
     */
    public void refuse(long organizationId, long membershipId) {
        AuditSummary.Term attempted = AuditSummary.action("refuse-membership", membershipId);
        AuthenticatedUser me = access.require(organizationId, OrganizationRight.MANAGE_USERS, attempted);
        Membership membership = findForDecision(organizationId, membershipId);
        requireDecider(me, membership, attempted);
        requireAwaitingApproval(membership);
        AuditSummary who = AuditSummary.of("membership-refused", audited(membership),
                AuditSummary.term("membership.role." + membership.getRole()),
                partnerName(membership.getInvitedByPartnerId().orElseThrow()));
        notices.changed(membership, MembershipNotices.Change.REFUSED);
        notices.decided(membership, MembershipNotices.Change.REFUSED);
        memberships.delete(membership);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_REFUSED, organizationId, who,
                AuditValue.membershipState(MembershipState.APPROVAL_PENDING), null));
    }

    /**
     * The organization's memberships that a partner asked for and nobody has approved yet (invited, or accepted and
     * waiting), with the partner's name and whether the signed-in person may approve or refuse each; one list for
     * the view to mark the rows and offer the buttons.
     */
    @Transactional(readOnly = true)
    public List<MembershipApproval> approvals(long organizationId) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("list-members"));
        List<Membership> open = memberships.findWaitingForApproval(organizationId);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<Long, String> partners = organizations.findAllById(open.stream()
                        .map(m -> m.getInvitedByPartnerId().orElseThrow()).distinct().toList()).stream()
                .collect(Collectors.toMap(Organization::getId, Organization::getName));
        Optional<AuthenticatedUser> me = callers.person();
        return open.stream().map(m -> new MembershipApproval(m.getId(),
                        partners.get(m.getInvitedByPartnerId().orElseThrow()), m.getState(),
                        m.getState() == MembershipState.APPROVAL_PENDING
                                && me.flatMap(it -> refusalToDecide(it, m)).isEmpty()))
                .toList();
    }

    /** The invited person declined: the invited membership ends; for the system only (the invitation is the proof). */
    public void declineInvited(Caller.Task task, long membershipId) {
        Caller.requireTask(task);
        Membership membership = memberships.findById(membershipId).orElseThrow();
        if (membership.getState() != MembershipState.INVITED) {
            throw new RuleViolation("invitation.not-open");
        }
        long organizationId = membership.getOrganization().getId();
        AuditSummary who = AuditSummary.of("membership-invitation-declined", audited(membership),
                AuditSummary.term("membership.role." + membership.getRole()));
        notices.answered(membership, MembershipNotices.Change.DECLINED);
        memberships.delete(membership);
        memberships.flush();
        auditLog.record(AuditEntry.change(MEMBERSHIP_REMOVED, organizationId, who,
                AuditValue.membershipState(MembershipState.INVITED), null));
    }

    /** The name an invited membership shows (the one the inviter typed); for the system, to word the invitation. */
    @Transactional(readOnly = true)
    public Optional<String> invitedName(Caller.Task task, long membershipId) {
        Caller.requireTask(task);
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
    private void refuseEnrollingOneself(long organizationId, long userId, Optional<Long> partner,
                                        AuditSummary.Term attempted) {
        if (partner.isEmpty()) {
            return;
        }
        long me = callers.requirePerson().userId();
        if (userId == me || memberships.existsByUserIdAndOrganizationId(userId, partner.get())) {
            auditLog.recordIndependently(AuditEntry.denied(OrganizationAccess.ACCESS_DENIED, organizationId,
                    AuditSummary.of("refused-enrolling-own-partner", attempted)));
            throw new RuleViolation("membership.not-for-own-partner");
        }
    }

    /** The partner for which the signed-in person works on this path right now, if any. */
    private Optional<Long> partnerActingIn(OrganizationPath path) {
        dev.kontor.user.Caller caller = callers.current();
        return actingPartner.orderedStream().map(acting -> acting.partnerActingIn(caller, path))
                .flatMap(Optional::stream).findFirst();
    }

    /** Why somebody may not decide on a partner's invitee; empty when they may. */
    enum DecisionRefusal {
        FOR_A_PARTNER("refused-approval-for-a-partner", "membership.approval.not-for-a-partner"),
        NOT_OWN_LEAD("refused-approval-not-own-lead", null),
        ONESELF("refused-approval-of-oneself", "membership.approval.not-oneself"),
        PARTNER_MEMBER("refused-approval-by-partner-member", "membership.approval.not-by-partner"),
        PARTNER_INVITEE("refused-approval-by-partner-invitee", "membership.approval.not-by-partner-invitee");

        final String auditSummary;
        /** The message; none for someone who is no lead here at all, who gets the plain refusal. */
        final String messageKey;

        DecisionRefusal(String auditSummary, String messageKey) {
            this.auditSummary = auditSummary;
            this.messageKey = messageKey;
        }
    }

    /**
     * Who decides on a membership a partner asked for: one of the customer's own people. That is an active manager of
     * the customer account or an active administrator of the tenant or of a tenant between it and the account (the
     * people a tenant's notices reach, up its tree), who is not working for a partner on this path right now (an
     * access session, or the partnership's MANAGE_TENANTS), is not the person, does not belong to the partner (in any
     * role or state), and was not brought in by that very partner themselves.
     */
    private Optional<DecisionRefusal> refusalToDecide(AuthenticatedUser me, Membership membership) {
        Optional<OrganizationPath> path = access.pathOf(membership.getOrganization().getId());
        if (path.isEmpty()) {
            return Optional.of(DecisionRefusal.NOT_OWN_LEAD);
        }
        if (partnerActingIn(path.get()).isPresent()) {
            return Optional.of(DecisionRefusal.FOR_A_PARTNER);
        }
        List<Membership> own = ownLeadMemberships(me.userId(), path.get());
        if (own.isEmpty()) {
            return Optional.of(DecisionRefusal.NOT_OWN_LEAD);
        }
        if (membership.getUser().getId() == me.userId()) {
            return Optional.of(DecisionRefusal.ONESELF);
        }
        Optional<Long> partner = membership.getInvitedByPartnerId();
        if (partner.isPresent() && memberships.existsByUserIdAndOrganizationId(me.userId(), partner.get())) {
            return Optional.of(DecisionRefusal.PARTNER_MEMBER);
        }
        if (partner.isPresent() && own.stream().allMatch(lead -> lead.getInvitedByPartnerId().equals(partner))) {
            return Optional.of(DecisionRefusal.PARTNER_INVITEE);
        }
        return Optional.empty();
    }

    /** The signed-in person's active lead memberships from the customer account down to the path's target. */
    private List<Membership> ownLeadMemberships(long userId, OrganizationPath path) {
        List<PathNode> nodes = path.nodes();
        int customer = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).kind() == OrganizationKind.CUSTOMER) {
                customer = i;
            }
        }
        if (customer < 0) {
            return List.of();
        }
        List<Long> ids = nodes.subList(customer, nodes.size()).stream().map(PathNode::id).toList();
        return memberships.findActiveOf(userId, ids, DECIDING_ROLES);
    }

    private static final java.util.Set<MembershipRole> DECIDING_ROLES = java.util.EnumSet.of(MembershipRole.MANAGER,
            MembershipRole.TENANT_ADMINISTRATOR);

    private void requireDecider(AuthenticatedUser me, Membership membership, AuditSummary.Term attempted) {
        Optional<DecisionRefusal> refusal = refusalToDecide(me, membership);
        if (refusal.isEmpty()) {
            return;
        }
        auditLog.recordIndependently(AuditEntry.denied(APPROVAL_DENIED, membership.getOrganization().getId(),
                AuditSummary.of(refusal.get().auditSummary, attempted)));
        if (refusal.get().messageKey == null) {
            throw new dev.kontor.base.AccessRefused();
        }
        throw new RuleViolation(refusal.get().messageKey);
    }

    /** A decision on a membership that no longer waits (approved meanwhile, or not accepted yet) is refused. */
    private static void requireAwaitingApproval(Membership membership) {
        switch (membership.getState()) {
            case APPROVAL_PENDING -> {
            }
            case INVITED -> throw new RuleViolation(membership.getInvitedByPartnerId().isPresent()
                    ? "membership.approval.not-accepted-yet" : "membership.approval.not-needed");
            case ACTIVE, DEACTIVATED -> throw new RuleViolation(membership.getApprovedByUserId().isPresent()
                    ? "membership.approval.already-approved" : "membership.approval.not-needed");
        }
    }

    /**
     * The membership to decide on. One that is gone was refused by someone else meanwhile, or withdrawn (or the id
     * is forged): the same clear answer for all, and the attempt is audited.
     */
    private Membership findForDecision(long organizationId, long membershipId) {
        return memberships.findById(membershipId)
                .filter(m -> m.getOrganization().getId() == organizationId)
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied(APPROVAL_DENIED, organizationId,
                            AuditSummary.of("membership-decision-closed", membershipId)));
                    return new RuleViolation("membership.approval.closed");
                });
    }

    private String partnerName(long partnerId) {
        return organizations.findById(partnerId).map(Organization::getName).orElse("");
    }

    /** Partner leads' roles are given and taken by the partner's legal representatives only (rule 4). */
    private void requireLegalRepresentativeFor(long organizationId, MembershipRole role, AuditSummary.Term attempted) {
        if (role != MembershipRole.LEGAL_REPRESENTATIVE && role != MembershipRole.PARTNER_ADMINISTRATOR) {
            return;
        }
        long me = callers.requirePerson().userId();
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

    /** The member as an audit summary names them: by the name the organization knows, never by address alone. */
    private static AuditSummary.Person audited(Membership membership) {
        return AuditSummary.person(membership.getUser().getId(), membership.getUser().getEmail());
    }
}
