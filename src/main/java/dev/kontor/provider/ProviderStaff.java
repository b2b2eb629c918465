package dev.kontor.provider;

import dev.kontor.invitation.InvitationLimit;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
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
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationDirectory;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.ProviderMemberships;
import dev.kontor.organization.StaffFilter;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's support staff and provider administrators, for the provider's administrators only: the list, and
 * inviting, resending and withdrawing invitations, deactivating and reactivating. Every method works in the provider
 * the signed-in person administers; everyone else is refused and audited. The provider keeps at least one active
 * administrator: every change that could take one away locks the provider's row first (see
 * {@link ProviderMemberships#lockAndCountActiveAdministrators}), so that two administrators deactivating each other
 * at the same moment cannot leave none. Nobody changes their own roles here.
 */
@Service
@Transactional
public class ProviderStaff {

    static final String STAFF_REFUSED = "PROVIDER_STAFF_REFUSED";

    private final OrganizationDirectory directory;
    private final ProviderMemberships staff;
    private final MembershipAdministration memberships;
    private final OrganizationService organizations;
    private final UserAccountService users;
    private final InvitationService invitations;
    private final InvitationSettings invitationSettings;
    private final ProviderMails mails;
    private final AuditLog auditLog;
    private final TransactionTemplate inTransaction;

    private final Callers callers;
    private final InvitationLimit invitationLimit;

    ProviderStaff(OrganizationDirectory directory, ProviderMemberships staff, MembershipAdministration memberships,
                  OrganizationService organizations, UserAccountService users, InvitationService invitations,
                  InvitationSettings invitationSettings, ProviderMails mails, AuditLog auditLog,
                  PlatformTransactionManager transactions, Callers callers,
            InvitationLimit invitationLimit) {
        this.invitationLimit = invitationLimit;
        this.callers = callers;
        this.directory = directory;
        this.staff = staff;
        this.memberships = memberships;
        this.organizations = organizations;
        this.users = users;
        this.invitations = invitations;
        this.invitationSettings = invitationSettings;
        this.mails = mails;
        this.auditLog = auditLog;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /** One page of the provider's staff that match the filter, ordered by name. */
    @Transactional(readOnly = true)
    public List<Member> list(StaffFilter filter, Pageable pageable) {
        return staff.staff(requireProviderAdministrator(AuditSummary.action("list-provider-staff")), filter, pageable);
    }

    /** How many of the provider's staff match the filter. */
    @Transactional(readOnly = true)
    public long count(StaffFilter filter) {
        return staff.countStaff(requireProviderAdministrator(AuditSummary.action("count-provider-staff")), filter);
    }

    /**
     * Invites the person with this address into the provider as support staff or as provider administrator. As with
     * a customer's managers, the answer is the same for every address (including one that holds the role already:
     * then nothing changes and nobody is mailed) and comes no sooner than {@code kontor.invitation.answer-time}, so
     * that neither its words nor its time tell who has an account. Only one's own address is refused, since nobody
     * gives themselves a role.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void invite(String email, String name, MembershipRole role, Locale mailLanguage) {
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            inTransaction.executeWithoutResult(status -> invited(email, name, role, mailLanguage, floor));
        } finally {
            floor.await();
        }
    }

    private void invited(String email, String name, MembershipRole role, Locale mailLanguage, AnswerTimeFloor floor) {
        long providerId = requireProviderAdministrator(AuditSummary.action("invite-provider-staff"));
        if (role == null || !ProviderMemberships.STAFF_ROLES.contains(role)) {
            throw new InvalidInput("role", "validation.required");
        }
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInput("email", "validation.email");
        }
        EmailAddress address = new EmailAddress(email);
        String typedName = TextRules.personName("name", name, UserAccount.DISPLAY_NAME_MAX_LENGTH);
        invitationLimit.take(providerId);
        AuthenticatedUser me = callers.requirePerson();
        if (address.value().equalsIgnoreCase(me.email())) {
            refuse(providerId, "refused-provider-staff-own-role", AuditSummary.action("grant-role", role));
            throw new InvalidInput("email", "provider-staff.not-yourself");
        }
        // from here on the way depends on the address: unknown, known, or staff already
        floor.arm();
        String providerName = organizations.summary(providerId).name();
        UserSummary person = users.findOrRegisterInvitee(address, typedName);
        Optional<Member> invited;
        try {
            invited = memberships.invite(providerId, person.id(), role, typedName);
        } catch (RuleViolation refused) {
            throw new InvalidInput("email", refused.messageKey(), refused.arguments());
        }
        invited.ifPresent(member -> {
            IssuedInvitation invitation = invitations.issue(purposeOf(role), providerId, member.membershipId());
            mails.invitation(providerName, person, typedName, role, me.displayName(), invitation, mailLanguage);
        });
    }

    /** Sends a new link to someone who has not accepted yet; the old link stops working. */
    public void resendInvitation(long membershipId, Locale mailLanguage) {
        long providerId = requireProviderAdministrator(AuditSummary.action("resend-invitation"));
        invitationLimit.take(providerId);
        Member member = member(providerId, membershipId);
        if (member.state() != MembershipState.INVITED) {
            throw new RuleViolation("provider-staff.not-invited");
        }
        AuthenticatedUser me = callers.requirePerson();
        // one of the provider's staff, checked above: the system may look the person up for the mail
        UserSummary person = users.findById(callers.taskFor("provider-staff"), member.userId()).orElseThrow();
        IssuedInvitation invitation = invitations.issue(purposeOf(member.role()), providerId, membershipId);
        mails.invitation(organizations.summary(providerId).name(), person, member.displayName(), member.role(),
                me.displayName(), invitation, mailLanguage);
    }

    /** Withdraws an invitation that has not been accepted: its link stops working and the invited role ends unused. */
    public void removeInvitation(long membershipId) {
        long providerId = requireProviderAdministrator(AuditSummary.action("remove-membership", membershipId));
        Member member = member(providerId, membershipId);
        if (member.state() != MembershipState.INVITED) {
            throw new RuleViolation("provider-staff.only-invitations-removed");
        }
        invitations.revokeOpenFor(providerId, membershipId);
        memberships.remove(providerId, membershipId);
    }

    /**
     * Deactivates a member of the staff: the role grants nothing from now on. Not one's own, and never the last
     * active provider administrator.
     */
    public void deactivate(long membershipId) {
        AuditSummary.Term attempted = AuditSummary.action("change-membership", membershipId);
        long providerId = requireProviderAdministrator(attempted);
        long activeAdministrators = staff.lockAndCountActiveAdministrators(providerId);
        Member member = member(providerId, membershipId);
        refuseOwn(providerId, member, attempted);
        if (member.state() != MembershipState.ACTIVE) {
            throw new RuleViolation("provider-staff.not-active");
        }
        if (member.role() == MembershipRole.PROVIDER_ADMINISTRATOR && activeAdministrators <= 1) {
            refuse(providerId, "refused-last-provider-administrator", attempted);
            throw new RuleViolation("provider-staff.last-administrator");
        }
        memberships.changeState(providerId, membershipId, MembershipState.DEACTIVATED);
    }

    /** Gives a deactivated member of the staff their role back. Not one's own. */
    public void reactivate(long membershipId) {
        AuditSummary.Term attempted = AuditSummary.action("change-membership", membershipId);
        long providerId = requireProviderAdministrator(attempted);
        staff.lockAndCountActiveAdministrators(providerId);
        Member member = member(providerId, membershipId);
        refuseOwn(providerId, member, attempted);
        if (member.state() != MembershipState.DEACTIVATED) {
            throw new RuleViolation("provider-staff.not-deactivated");
        }
        memberships.changeState(providerId, membershipId, MembershipState.ACTIVE);
    }

    private static InvitationPurpose purposeOf(MembershipRole role) {
        return role == MembershipRole.PROVIDER_ADMINISTRATOR ? InvitationPurpose.PROVIDER_ADMINISTRATOR
                : InvitationPurpose.SUPPORT;
    }

    /** One of the provider's staff; an id of anyone else (or of nothing) is audited and refused. */
    private Member member(long providerId, long membershipId) {
        return staff.staffMember(providerId, membershipId).orElseThrow(() -> {
            refuse(providerId, "refused-not-provider-staff", AuditSummary.action("change-membership", membershipId));
            return new RuleViolation("provider-staff.not-found");
        });
    }

    private void refuseOwn(long providerId, Member member, AuditSummary.Term attempted) {
        if (member.userId() == callers.requirePerson().userId()) {
            refuse(providerId, "refused-provider-staff-own-role", attempted);
            throw new RuleViolation("provider-staff.not-yourself");
        }
    }

    private void refuse(long providerId, String why, AuditSummary.Term attempted) {
        auditLog.recordIndependently(AuditEntry.denied(STAFF_REFUSED, providerId, AuditSummary.of(why, attempted)));
    }

    /** The provider the signed-in person administers; anyone else is audited and refused. */
    private long requireProviderAdministrator(AuditSummary.Term attempted) {
        Optional<Long> provider = directory.administeredProvider();
        if (provider.isEmpty()) {
            Long where = directory.providersOfMine().stream().findFirst().orElse(null);
            auditLog.recordIndependently(AuditEntry.denied(STAFF_REFUSED, where,
                    AuditSummary.of("refused-not-provider-administrator", attempted)));
            throw new AccessRefused();
        }
        return provider.get();
    }
}
