package dev.kontor.provider;

import dev.kontor.invitation.InvitationLimit;
import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AnswerTimeFloor;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.SearchKeys;
import dev.kontor.base.TextRules;
import dev.kontor.invitation.InvitationPurpose;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.InvitationSettings;
import dev.kontor.invitation.IssuedInvitation;
import dev.kontor.organization.Membership;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationState;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's administrators' door to partners: create one (its first legal representative is invited by the
 * ordinary invitation machinery), list and search them in the database, see a partner's customers and people,
 * suspend and reactivate it, and change its legal representatives. Everyone else is refused, audited.
 * <p>
 * A suspended partner's memberships grant nothing (every partner-scoped service refuses its people, see
 * {@code MembershipRepository}), and its open access sessions end in the transaction of the suspension. Every
 * method takes ids and small input records and refuses with {@link InvalidInput} (field and message key),
 * {@link dev.kontor.base.RuleViolation}, {@link dev.kontor.base.StaleData} (changed meanwhile) or
 * {@link dev.kontor.base.AccessRefused}, for the views and the API alike.
 */
@Service
@Transactional
public class PartnerAdministration {

    public static final int NAME_MAX_LENGTH = Organization.NAME_MAX_LENGTH;
    public static final int REASON_MAX_LENGTH = 200;

    private final ProviderGuard guard;
    private final PartnerAdministrationRepository partners;
    private final OrganizationOnboarding onboarding;
    private final UserAccountService users;
    private final InvitationService invitations;
    private final ProviderMails mails;
    private final InvitationSettings invitationSettings;
    private final TransactionTemplate inTransaction;

    private final Callers callers;
    private final InvitationLimit invitationLimit;

    PartnerAdministration(ProviderGuard guard, PartnerAdministrationRepository partners,
                          OrganizationOnboarding onboarding, UserAccountService users,
                          InvitationService invitations, ProviderMails mails, InvitationSettings invitationSettings,
                          PlatformTransactionManager transactions, Callers callers,
            InvitationLimit invitationLimit) {
        this.invitationLimit = invitationLimit;
        this.callers = callers;
        this.guard = guard;
        this.partners = partners;
        this.onboarding = onboarding;
        this.users = users;
        this.invitations = invitations;
        this.mails = mails;
        this.invitationSettings = invitationSettings;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Creates a partner below the provider and invites its first legal representative. The answer is the same
     * whatever the address (known to Kontor or not) and comes no sooner than {@code kontor.invitation.answer-time}
     * after the call; the representative holds nothing until they accept by the link.
     *
     * @return the new partner's id
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public long createPartner(NewPartner partner, Locale mailLanguage) {
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            return inTransaction.execute(status -> {
                long providerId = guard.requireProviderAdministrator(AuditSummary.action("create-partner"));
                NewPartner input = partner == null ? new NewPartner(null, null, null) : partner;
                String name = TextRules.organizationName("name", input.name(), NAME_MAX_LENGTH);
                TextRules.requirePlainLine("name", name);
                Invitee invitee = invitee("representativeEmail", input.representativeEmail(),
                        "representativeName", input.representativeName());
                invitationLimit.take(providerId);
                floor.arm();
                Organization created = onboarding.createPartner(callers.taskFor("partner-administration"), name,
                        providerId);
                invite(created, invitee, mailLanguage);
                return created.getId();
            });
        } finally {
            floor.await();
        }
    }

    /** The provider's partners matching the filter, a page at a time, ordered by name. */
    @Transactional(readOnly = true)
    public List<PartnerRow> partners(PartnerFilter filter, Pageable pageable) {
        long providerId = guard.requireProviderAdministrator(AuditSummary.action("list-partners"));
        PartnerFilter f = filter == null ? PartnerFilter.all() : filter;
        return partners.findPartners(providerId, pattern(f.text()), f.state(), pageable);
    }

    /** How many of the provider's partners match the filter. */
    @Transactional(readOnly = true)
    public long countPartners(PartnerFilter filter) {
        long providerId = guard.requireProviderAdministrator(AuditSummary.action("list-partners"));
        PartnerFilter f = filter == null ? PartnerFilter.all() : filter;
        return partners.countPartners(providerId, pattern(f.text()), f.state());
    }

    /** One of the provider's partners; refused (audited) for any other id. */
    @Transactional(readOnly = true)
    public PartnerRow partner(long partnerId) {
        return requirePartner(partnerId, AuditSummary.action("open-partner"));
    }

    /** The customer accounts the partner manages (active relationships), a page at a time. */
    @Transactional(readOnly = true)
    public List<PartnerCustomerRow> customersOf(long partnerId, Pageable pageable) {
        requirePartner(partnerId, AuditSummary.action("open-partner"));
        return partners.findCustomers(partnerId, pageable);
    }

    /** The partner's people in every role and state (a partner has a handful, not thousands). */
    @Transactional(readOnly = true)
    public List<PartnerPerson> peopleOf(long partnerId) {
        requirePartner(partnerId, AuditSummary.action("open-partner"));
        return partners.findPeople(partnerId);
    }

    /**
     * Suspends the partner, when it is still at the version the caller saw: its people can no longer act as its
     * staff, and their open access sessions end now, audited with the reason (optional, one line).
     */
    public void suspend(long partnerId, long version, String reason) {
        requirePartner(partnerId, AuditSummary.action("suspend-partner"));
        String why = TextRules.check("reason", reason, REASON_MAX_LENGTH);
        onboarding.changeState(callers.taskFor("partner-administration"), partnerId, version,
                OrganizationState.SUSPENDED, why);
    }

    /** Reactivates a suspended partner, when it is still at the version the caller saw. */
    public void reactivate(long partnerId, long version) {
        requirePartner(partnerId, AuditSummary.action("reactivate-partner"));
        onboarding.changeState(callers.taskFor("partner-administration"), partnerId, version,
                OrganizationState.ACTIVE, null);
    }

    /**
     * Invites a further legal representative. The same answer whatever the address, also for someone who holds
     * the role already (then nothing changes and nobody is mailed), no sooner than the invitation answer time.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void inviteRepresentative(long partnerId, String email, String name, Locale mailLanguage) {
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            inTransaction.executeWithoutResult(status -> {
                requirePartner(partnerId, AuditSummary.action("invite-representative"));
                Invitee invitee = invitee("email", email, "name", name);
                invitationLimit.take(partnerId);
                floor.arm();
                Organization partner = onboarding.lock(callers.taskFor("partner-administration"), partnerId);
                invite(partner, invitee, mailLanguage);
            });
        } finally {
            floor.await();
        }
    }

    /**
     * Deactivates one of the partner's people (a legal representative, say), when the membership is still at the
     * version the caller saw; the partner keeps at least one active legal representative.
     */
    public void deactivateMember(long partnerId, long membershipId, long version) {
        requirePartner(partnerId, AuditSummary.action("deactivate-partner-member"));
        onboarding.deactivate(callers.taskFor("partner-administration"), partnerId, membershipId, version);
    }

    private void invite(Organization partner, Invitee invitee, Locale mailLanguage) {
        AuthenticatedUser me = callers.requirePerson();
        UserSummary person = users.findOrRegisterInvitee(invitee.address(), invitee.name());
        Caller.Task task = callers.taskFor("partner-administration");
        onboarding.inviteUnlessMember(task, person.id(), partner.getId(), MembershipRole.LEGAL_REPRESENTATIVE,
                invitee.name()).ifPresent(membership -> {
            IssuedInvitation invitation = invitations.issueOnProviderBehalf(task,
                    InvitationPurpose.LEGAL_REPRESENTATIVE, partner.getId(), membership.getId(), person.id());
            mails.representativeInvitation(partner.getName(), person, invitee.name(), me, invitation,
                    mailLanguage);
        });
    }

    private PartnerRow requirePartner(long partnerId, AuditSummary.Term attempted) {
        long providerId = guard.requireProviderAdministrator(attempted);
        return partners.findPartner(providerId, partnerId)
                .orElseThrow(() -> guard.notTheProviders(providerId, attempted));
    }

    private static Invitee invitee(String emailField, String email, String nameField, String name) {
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInput(emailField, "validation.email");
        }
        String typedName = TextRules.personName(nameField, name, UserAccount.DISPLAY_NAME_MAX_LENGTH);
        return new Invitee(new EmailAddress(email), typedName);
    }

    /** A LIKE pattern for the folded text, its wildcards taken literally; null for no text. */
    static String pattern(String text) {
        String folded = text == null ? "" : SearchKeys.fold(text);
        if (folded.isBlank()) {
            return null;
        }
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record Invitee(EmailAddress address, String name) {
    }
}
