package dev.kontor.tenant;

import dev.kontor.invitation.InvitationLimit;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AnswerTimeFloor;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.TextRules;
import dev.kontor.invitation.InvitationPurpose;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.InvitationSettings;
import dev.kontor.invitation.IssuedInvitation;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipApproval;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's administrators. Kontor never asks anyone to invent a password for another person: a new
 * administrator gets a one-time activation link and chooses their own; until they use it they are INVITED, and a
 * tenant without an ACTIVE administrator is not ready for handover. The last active administrator stays.
 */
@Service
@Transactional
public class TenantAdministrators {

    /** More administrators than this is allowed, but the view advises against it. */
    public static final int RECOMMENDED_MAXIMUM = 2;

    private final OrganizationAccess access;
    private final MembershipAdministration memberships;
    private final UserAccountService users;
    private final InvitationService invitations;
    private final TenantRepository tenants;
    private final OrganizationService organizations;
    private final TenantMails mails;
    private final AuditLog auditLog;
    private final InvitationSettings invitationSettings;
    private final TransactionTemplate inTransaction;

    private final Callers callers;
    private final InvitationLimit invitationLimit;

    TenantAdministrators(OrganizationAccess access, MembershipAdministration memberships, UserAccountService users,
                         InvitationService invitations, TenantRepository tenants, OrganizationService organizations,
                         TenantMails mails, AuditLog auditLog, InvitationSettings invitationSettings,
                         PlatformTransactionManager transactions, Callers callers,
            InvitationLimit invitationLimit) {
        this.invitationLimit = invitationLimit;
        this.callers = callers;
        this.access = access;
        this.memberships = memberships;
        this.users = users;
        this.invitations = invitations;
        this.tenants = tenants;
        this.organizations = organizations;
        this.mails = mails;
        this.auditLog = auditLog;
        this.invitationSettings = invitationSettings;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    @Transactional(readOnly = true)
    public List<Member> list(long tenantId) {
        access.require(tenantId, OrganizationRight.VIEW, AuditSummary.action("list-tenant-administrators"));
        return memberships.members(tenantId, MembershipRole.TENANT_ADMINISTRATOR);
    }

    /**
     * Invites the person (their e-mail is their user name) and sends the activation link. Everyone is invited the
     * same way, known to Kontor or not, shown with the typed name until they accept; someone who is an administrator
     * already is left as they are. The answer is the same in every case, and comes no sooner than
     * {@code kontor.invitation.answer-time} after the call, so it tells nothing about the address.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void add(long tenantId, String email, String name, Locale mailLanguage) {
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            inTransaction.executeWithoutResult(status -> invite(tenantId, email, name, mailLanguage, floor));
        } finally {
            floor.await();
        }
    }

    private void invite(long tenantId, String email, String name, Locale mailLanguage, AnswerTimeFloor floor) {
        AuthenticatedUser me = access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("add-tenant-administrator"));
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInput("email", "validation.email");
        }
        String checkedName = TextRules.personName("name", name, UserAccount.DISPLAY_NAME_MAX_LENGTH);
        invitationLimit.take(tenantId);
        // from here on the way depends on the address: unknown, known, or an administrator already
        floor.arm();
        lock(tenantId);
        UserSummary person = users.findOrRegisterInvitee(new EmailAddress(email), checkedName);
        java.util.Optional<Member> invited;
        try {
            invited = memberships.invite(tenantId, person.id(), MembershipRole.TENANT_ADMINISTRATOR, checkedName);
        } catch (RuleViolation refused) {
            throw new InvalidInput("email", refused.messageKey(), refused.arguments());
        }
        invited.ifPresent(administrator -> sendLink(tenantId, administrator, person, me, mailLanguage));
    }

    /** A new link for someone who has not activated yet; the old link stops working. */
    public void resend(long tenantId, long membershipId, Locale mailLanguage) {
        AuthenticatedUser me = access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("resend-activation-link"));
        invitationLimit.take(tenantId);
        lock(tenantId);
        Member administrator = find(tenantId, membershipId);
        if (administrator.state() != MembershipState.INVITED) {
            throw new RuleViolation("tenant.admin.not-invited");
        }
        // a member of the tenant checked above: the system may look the person up for the mail
        UserSummary person = users.findById(callers.taskFor("tenant-administrators"), administrator.userId())
                .orElseThrow();
        sendLink(tenantId, administrator, person, me, mailLanguage);
    }

    public void deactivate(long tenantId, long membershipId) {
        access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("deactivate-tenant-administrator"));
        lock(tenantId);
        Member administrator = find(tenantId, membershipId);
        if (administrator.state() != MembershipState.ACTIVE) {
            throw new RuleViolation("tenant.admin.not-active");
        }
        refuseLosingTheLast(tenantId, administrator);
        memberships.changeState(tenantId, membershipId, MembershipState.DEACTIVATED);
    }

    public void reactivate(long tenantId, long membershipId) {
        access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("reactivate-tenant-administrator"));
        lock(tenantId);
        Member administrator = find(tenantId, membershipId);
        if (administrator.state() != MembershipState.DEACTIVATED) {
            throw new RuleViolation("tenant.admin.not-deactivated");
        }
        memberships.changeState(tenantId, membershipId, MembershipState.ACTIVE);
    }

    /**
     * Approves an administrator whom a partner invited (through the partnership's MANAGE_TENANTS or inside an access
     * session) and who has accepted: only now do they administer the tenant. An active administrator of the tenant
     * (or of a tenant above it) or a manager of the customer decides, never the partner or anyone of it (see
     * {@link MembershipAdministration#approve}); the tenant row is locked first.
     */
    public void approve(long tenantId, long membershipId) {
        access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("approve-membership", membershipId));
        lock(tenantId);
        decisionOn(tenantId, membershipId);
        memberships.approve(tenantId, membershipId);
    }

    /** Refuses an administrator whom a partner invited: the waiting membership ends. */
    public void refuse(long tenantId, long membershipId) {
        access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("refuse-membership", membershipId));
        lock(tenantId);
        decisionOn(tenantId, membershipId);
        memberships.refuse(tenantId, membershipId);
    }

    /** The tenant's administrators whom a partner invited and nobody has approved yet, and who may decide on each. */
    @Transactional(readOnly = true)
    public List<MembershipApproval> approvals(long tenantId) {
        access.require(tenantId, OrganizationRight.VIEW, AuditSummary.action("list-tenant-administrators"));
        return memberships.approvals(tenantId);
    }

    /** Takes the administrator role away; an open activation link stops working. */
    public void remove(long tenantId, long membershipId) {
        access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("remove-tenant-administrator"));
        lock(tenantId);
        Member administrator = find(tenantId, membershipId);
        refuseLosingTheLast(tenantId, administrator);
        if (administrator.state() == MembershipState.INVITED) {
            invitations.revokeOpenFor(tenantId, membershipId);
        }
        memberships.remove(tenantId, membershipId);
    }

    /**
     * Whether an administrator the signed-in person invites into this tenant now would, after accepting, wait for an
     * administrator of the tenant or a manager of its customer account to approve them (they work here for a
     * partner); Add administrator says so beforehand.
     */
    @Transactional(readOnly = true)
    public boolean invitationsNeedApproval(long tenantId) {
        access.require(tenantId, OrganizationRight.MANAGE_USERS, AuditSummary.action("add-tenant-administrator"));
        return memberships.invitationsNeedApproval(tenantId);
    }

    private void sendLink(long tenantId, Member administrator, UserSummary person, AuthenticatedUser me,
                          Locale mailLanguage) {
        IssuedInvitation invitation = invitations.issue(InvitationPurpose.TENANT_ADMINISTRATOR, tenantId,
                administrator.membershipId());
        // as the invitation page says it: the person learns before accepting that approval follows
        boolean needsApproval = memberships.needsApproval(callers.taskFor("tenant-administrators"),
                administrator.membershipId());
        mails.activation(organizations.summary(tenantId).name(), person, administrator.displayName(), me, invitation,
                needsApproval, mailLanguage);
    }

    private void refuseLosingTheLast(long tenantId, Member leaving) {
        long active = memberships.members(tenantId, MembershipRole.TENANT_ADMINISTRATOR).stream()
                .filter(Member::isActive).count();
        if (leaving.isActive() && active <= 1) {
            throw new RuleViolation("tenant.admin.last-active");
        }
    }

    private void lock(long tenantId) {
        tenants.lockById(tenantId).orElseThrow(() -> new RuleViolation("tenant.not-a-tenant"));
    }

    /** An administrator of this tenant to decide on; one refused or withdrawn meanwhile gets a clear answer, audited. */
    private void decisionOn(long tenantId, long membershipId) {
        memberships.members(tenantId, MembershipRole.TENANT_ADMINISTRATOR).stream()
                .filter(m -> m.membershipId() == membershipId).findFirst()
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", tenantId,
                            AuditSummary.of("membership-decision-closed", membershipId)));
                    return new RuleViolation("membership.approval.closed");
                });
    }

    /** One of this tenant's administrators; an id from elsewhere is audited and refused. */
    private Member find(long tenantId, long membershipId) {
        return memberships.members(tenantId, MembershipRole.TENANT_ADMINISTRATOR).stream()
                .filter(m -> m.membershipId() == membershipId).findFirst()
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", tenantId,
                            AuditSummary.of("tenant-administrator-not-found", membershipId)));
                    return new RuleViolation("tenant.admin.not-found");
                });
    }
}
