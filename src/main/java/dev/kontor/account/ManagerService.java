package dev.kontor.account;

import dev.kontor.invitation.InvitationLimit;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
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
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The managers of a customer account: inviting (everyone alike; they accept by the link), deactivating,
 * reactivating and removing them, under rules 2 and 3: the contact person stays an active manager, and an account
 * always keeps at least one active manager. Each change locks the account row first.
 */
@Service
@Transactional
public class ManagerService {

    private final CustomerAccountRepository accounts;
    private final OrganizationAccess access;
    private final MembershipAdministration memberships;
    private final UserAccountService users;
    private final InvitationService invitations;
    private final AccountMails mails;
    private final OrganizationService organizations;
    private final AuditLog auditLog;
    private final InvitationSettings invitationSettings;
    private final TransactionTemplate inTransaction;

    private final java.time.Clock clock;

    private final Callers callers;
    private final InvitationLimit invitationLimit;

    ManagerService(CustomerAccountRepository accounts, OrganizationAccess access,
                   MembershipAdministration memberships, UserAccountService users, InvitationService invitations,
                   AccountMails mails, OrganizationService organizations, AuditLog auditLog,
                   InvitationSettings invitationSettings, PlatformTransactionManager transactions,
                   java.time.Clock clock, Callers callers,
            InvitationLimit invitationLimit) {
        this.invitationLimit = invitationLimit;
        this.callers = callers;
        this.clock = clock;
        this.accounts = accounts;
        this.access = access;
        this.memberships = memberships;
        this.users = users;
        this.invitations = invitations;
        this.mails = mails;
        this.organizations = organizations;
        this.auditLog = auditLog;
        this.invitationSettings = invitationSettings;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Invites the person with this e-mail address to manage the account. Everyone is invited the same way, whether
     * Kontor knows the address or not: the membership is INVITED, shows the typed name (required) until the person
     * accepts by the link, and grants nothing before. The answer is the same for every address, including one that
     * is a manager already (then nothing changes and nobody is mailed), so that nobody learns who has an account or
     * what their name is; and it comes no sooner than {@code kontor.invitation.answer-time} after the call, so that
     * its time does not tell either. Inside an access session, the partner user and their partner's people are
     * refused.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void addManager(long accountId, String email, String name, Locale mailLanguage) {
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            inTransaction.executeWithoutResult(status -> invite(accountId, email, name, mailLanguage, floor));
        } finally {
            floor.await();
        }
    }

    private void invite(long accountId, String email, String name, Locale mailLanguage, AnswerTimeFloor floor) {
        AuthenticatedUser me = access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("add-manager"));
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInput("email", "validation.email");
        }
        EmailAddress address = new EmailAddress(email);
        String typedName = TextRules.personName("name", name, UserAccount.DISPLAY_NAME_MAX_LENGTH);
        invitationLimit.take(accountId);
        // from here on the way depends on the address: unknown, known, or a member already
        floor.arm();
        accounts.lockById(accountId).orElseThrow();
        OrganizationSummary account = organizations.summary(accountId);
        UserSummary person = users.findOrRegisterInvitee(address, typedName);
        Optional<Member> invited;
        try {
            invited = memberships.invite(accountId, person.id(), MembershipRole.MANAGER, typedName);
        } catch (RuleViolation refused) {
            throw new InvalidInput("email", refused.messageKey(), refused.arguments());
        }
        invited.ifPresent(manager -> {
            IssuedInvitation invitation = invitations.issue(InvitationPurpose.MANAGER, accountId,
                    manager.membershipId());
            mails.invitation(account, person, typedName, me, invitation, needsApproval(manager), mailLanguage);
        });
    }

    /**
     * Whether a manager the signed-in person invites into this account now would, after accepting, wait for one of
     * the account's own managers to approve them (they work here for a partner); Add manager says so beforehand.
     */
    @Transactional(readOnly = true)
    public boolean invitationsNeedApproval(long accountId) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("add-manager"));
        return memberships.invitationsNeedApproval(accountId);
    }

    /** Whether the invited manager will wait for approval once accepted, as the invitation page says too. */
    private boolean needsApproval(Member invited) {
        return memberships.needsApproval(callers.taskFor("managers"), invited.membershipId());
    }

    /** Sends a new link to a manager who has not accepted yet; the old link stops working. */
    public void resendInvitation(long accountId, long membershipId, Locale mailLanguage) {
        AuthenticatedUser me = access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("resend-invitation"));
        invitationLimit.take(accountId);
        accounts.lockById(accountId).orElseThrow();
        Member manager = managerOf(accountId, membershipId);
        if (manager.state() != MembershipState.INVITED) {
            throw new RuleViolation("manager.not-invited");
        }
        // a member of the account checked above: the system may look the person up for the mail
        UserSummary person = users.findById(callers.taskFor("managers"), manager.userId()).orElseThrow();
        IssuedInvitation invitation = invitations.issue(InvitationPurpose.MANAGER, accountId, membershipId);
        mails.invitation(organizations.summary(accountId), person, manager.displayName(), me, invitation,
                needsApproval(manager), mailLanguage);
    }

    public void deactivate(long accountId, long membershipId, Locale mailLanguage) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("deactivate-manager"));
        CustomerAccount account = accounts.lockById(accountId).orElseThrow();
        List<Member> managers = memberships.members(accountId, MembershipRole.MANAGER);
        Member manager = find(accountId, managers, membershipId);
        if (manager.state() != MembershipState.ACTIVE) {
            throw new RuleViolation("manager.not-active");
        }
        refuseLosingTheContactPersonOrTheLastManager(account, managers, manager);
        boolean wasDeputy = clearDeputy(account, manager);
        memberships.changeState(accountId, membershipId, MembershipState.DEACTIVATED);
        if (wasDeputy) {
            mails.deputyCleared(organizations.summary(accountId), manager, others(managers, manager), mailLanguage);
        }
    }

    public void reactivate(long accountId, long membershipId) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("reactivate-manager"));
        accounts.lockById(accountId).orElseThrow();
        Member manager = managerOf(accountId, membershipId);
        if (manager.state() != MembershipState.DEACTIVATED) {
            throw new RuleViolation("manager.not-deactivated");
        }
        memberships.changeState(accountId, membershipId, MembershipState.ACTIVE);
    }

    /**
     * Approves a manager whom a partner invited and who has accepted: only now do they become an active manager.
     * Only one of the account's own active managers decides, never the partner or anyone of it (see
     * {@link MembershipAdministration#approve}). The account row is locked first, so of two managers deciding at
     * once the second is told that the decision has been taken.
     */
    public void approve(long accountId, long membershipId) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("approve-membership", membershipId));
        accounts.lockById(accountId).orElseThrow();
        decisionOn(accountId, membershipId);
        memberships.approve(accountId, membershipId);
    }

    /** Refuses a manager whom a partner invited: the waiting membership ends. The same people decide as for approving. */
    public void refuse(long accountId, long membershipId) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("refuse-membership", membershipId));
        accounts.lockById(accountId).orElseThrow();
        decisionOn(accountId, membershipId);
        memberships.refuse(accountId, membershipId);
    }

    /** The account's managers whom a partner invited and nobody has approved yet, and who may decide on each. */
    @Transactional(readOnly = true)
    public List<MembershipApproval> approvals(long accountId) {
        return memberships.approvals(accountId);
    }

    /** Takes the manager role away; an open invitation for it stops working. */
    public void removeManagerRole(long accountId, long membershipId, Locale mailLanguage) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("remove-manager-role"));
        CustomerAccount account = accounts.lockById(accountId).orElseThrow();
        List<Member> managers = memberships.members(accountId, MembershipRole.MANAGER);
        Member manager = find(accountId, managers, membershipId);
        refuseLosingTheContactPersonOrTheLastManager(account, managers, manager);
        boolean wasDeputy = clearDeputy(account, manager);
        if (manager.state() == MembershipState.INVITED) {
            invitations.revokeOpenFor(accountId, membershipId);
        }
        memberships.remove(accountId, membershipId);
        if (wasDeputy) {
            mails.deputyCleared(organizations.summary(accountId), manager, others(managers, manager), mailLanguage);
        }
    }

    private void refuseLosingTheContactPersonOrTheLastManager(CustomerAccount account, List<Member> managers,
                                                             Member manager) {
        if (account.getContactPersonId() != null && manager.userId() == account.getContactPersonId()) {
            throw new RuleViolation("manager.is-contact-person");
        }
        long active = managers.stream().filter(Member::isActive).count();
        if (manager.isActive() && active <= 1) {
            throw new RuleViolation("manager.last-active");
        }
    }

    private boolean clearDeputy(CustomerAccount account, Member manager) {
        if (account.getDeputyId() != null && manager.userId() == account.getDeputyId()) {
            account.appointDeputy(null, clock.instant());
            accounts.flush();
            auditLog.record(AuditEntry.change(AccountService.DEPUTY_CHANGED, account.getOrganizationId(),
                    AuditSummary.of("account-deputy-leaves"), AuditValue.person(manager.userId()), null));
            return true;
        }
        return false;
    }

    /** A manager of this account to decide on; one refused or withdrawn meanwhile gets a clear answer, audited. */
    private void decisionOn(long accountId, long membershipId) {
        memberships.members(accountId, MembershipRole.MANAGER).stream()
                .filter(m -> m.membershipId() == membershipId).findFirst()
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", accountId,
                            AuditSummary.of("membership-decision-closed", membershipId)));
                    return new RuleViolation("membership.approval.closed");
                });
    }

    private Member managerOf(long accountId, long membershipId) {
        return find(accountId, memberships.members(accountId, MembershipRole.MANAGER), membershipId);
    }

    /** One of this account's managers; an id from elsewhere is audited and refused. */
    private Member find(long accountId, List<Member> managers, long membershipId) {
        return managers.stream().filter(m -> m.membershipId() == membershipId).findFirst()
                .orElseThrow(() -> {
                    auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", accountId,
                            AuditSummary.of("account-membership-not-a-manager", membershipId)));
                    return new RuleViolation("membership.not-found");
                });
    }

    private static List<Member> others(List<Member> managers, Member leaving) {
        return managers.stream().filter(m -> m.isActive() && m.membershipId() != leaving.membershipId()).toList();
    }
}
