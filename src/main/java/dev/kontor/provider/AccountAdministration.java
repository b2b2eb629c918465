package dev.kontor.provider;

import dev.kontor.invitation.InvitationLimit;
import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.MasterData;
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
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Membership;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationState;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's administrators' door to customer accounts: create one (a customer number of the provider's own or
 * the next free one, the address, the first manager invited, attached to a partner or not), list and search them
 * in the database, suspend, reactivate and close them, and ask another partner's relationship for an account (the
 * customer's managers accept or decline, as with any partner's request). Everyone else is refused, audited.
 * <p>
 * A suspended account grants nobody anything (its managers, its tenants' administrators, its partners, access
 * sessions) until it is reactivated; its open access sessions end at once. A closed account stays so.
 */
@Service
@Transactional
public class AccountAdministration {

    public static final int NAME_MAX_LENGTH = Organization.NAME_MAX_LENGTH;
    public static final int REASON_MAX_LENGTH = 200;
    static final String CONTACT_DATA_READ = "CONTACT_DATA_READ";

    private final ProviderGuard guard;
    private final AccountAdministrationRepository accounts;
    private final OrganizationOnboarding onboarding;
    private final AccountProvisioning accountProvisioning;
    private final PartnerProvisioning partnerProvisioning;
    private final UserAccountService users;
    private final InvitationService invitations;
    private final ProviderMails mails;
    private final InvitationSettings invitationSettings;
    private final TransactionTemplate inTransaction;
    private final ProviderAccountQueries queries;
    private final dev.kontor.contact.ContactProvisioning contacts;
    private final AuditLog auditLog;

    private final Callers callers;
    private final InvitationLimit invitationLimit;

    AccountAdministration(ProviderGuard guard, AccountAdministrationRepository accounts,
                          OrganizationOnboarding onboarding, AccountProvisioning accountProvisioning,
                          PartnerProvisioning partnerProvisioning, UserAccountService users,
                          InvitationService invitations, ProviderMails mails, InvitationSettings invitationSettings,
                          PlatformTransactionManager transactions, ProviderAccountQueries queries,
                          dev.kontor.contact.ContactProvisioning contacts, AuditLog auditLog, Callers callers,
            InvitationLimit invitationLimit) {
        this.invitationLimit = invitationLimit;
        this.callers = callers;
        this.auditLog = auditLog;
        this.queries = queries;
        this.contacts = contacts;
        this.guard = guard;
        this.accounts = accounts;
        this.onboarding = onboarding;
        this.accountProvisioning = accountProvisioning;
        this.partnerProvisioning = partnerProvisioning;
        this.users = users;
        this.invitations = invitations;
        this.mails = mails;
        this.invitationSettings = invitationSettings;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Creates the account and invites its first manager; attached to a partner, the manager's mail is that
     * partner's request instead (accepting it makes them manager and grants the partner what they choose). All or
     * nothing: bad input anywhere saves nothing. The answer is the same whatever the manager's address, no sooner
     * than {@code kontor.invitation.answer-time} after the call.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public CreatedAccount createAccount(NewAccount account, Locale mailLanguage) {
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            return inTransaction.execute(status -> create(account == null
                    ? new NewAccount(null, null, null, null, null, null, null, null, null, null) : account,
                    mailLanguage, floor));
        } finally {
            floor.await();
        }
    }

    private CreatedAccount create(NewAccount input, Locale mailLanguage, AnswerTimeFloor floor) {
        long providerId = guard.requireProviderAdministrator(AuditSummary.action("create-account"));
        String name = TextRules.organizationName("name", input.name(), NAME_MAX_LENGTH);
        TextRules.requirePlainLine("name", name);
        Optional<CustomerNumber> number = Optional.empty();
        if (TextRules.trimToNull(input.customerNumber()) != null) {
            number = Optional.of(CustomerNumber.parse(input.customerNumber())
                    .orElseThrow(() -> new InvalidInput("customerNumber", "validation.customer-number")));
        }
        if (!EmailAddress.isValid(input.managerEmail())) {
            throw new InvalidInput("managerEmail", "validation.email");
        }
        EmailAddress email = new EmailAddress(input.managerEmail());
        String managerName = TextRules.personName("managerName", input.managerName(),
                UserAccount.DISPLAY_NAME_MAX_LENGTH);
        Long partnerId = input.partnerId();
        if (partnerId != null) {
            OrganizationState partnerState = accounts.findPartnerState(providerId, partnerId)
                    .orElseThrow(() -> new InvalidInput("partnerId", "admin.account.partner-unknown"));
            if (partnerState != OrganizationState.ACTIVE) {
                throw new InvalidInput("partnerId", "admin.account.partner-suspended");
            }
            if (input.partnerRights() == null || input.partnerRights().isEmpty()) {
                throw new InvalidInput("partnerRights", "partner.rights-required");
            }
        }
        MasterData address = new MasterData(name, TextRules.trimToNull(input.street()),
                TextRules.trimToNull(input.postalCode()), TextRules.trimToNull(input.city()),
                TextRules.trimToNull(input.country()), null, null);
        invitationLimit.take(providerId);
        floor.arm();
        long parentId = partnerId == null ? providerId : partnerId;
        Optional<CustomerNumber> given = number;
        Caller.Task task = callers.taskFor("account-administration");
        Organization created = given.map(n -> onboarding.createCustomer(task, name, parentId, n))
                .orElseGet(() -> onboarding.createCustomer(task, name, parentId));
        accountProvisioning.importMasterData(task, created.getId(), address);
        String customerNumber = created.getCustomerNumber().orElseThrow().value();
        String label = name + " (" + customerNumber + ")";
        AuthenticatedUser me = callers.requirePerson();
        UserSummary person = users.findOrRegisterInvitee(email, managerName);
        Membership invited = onboarding.invite(task, person.id(), created.getId(), MembershipRole.MANAGER,
                managerName);
        if (partnerId != null) {
            Set<OrganizationRight> rights = Set.copyOf(input.partnerRights());
            partnerProvisioning.requestOnProviderBehalf(task, partnerId, created.getId(), rights, email.value(), label,
                    true, mailLanguage);
        } else {
            IssuedInvitation invitation = invitations.issueOnProviderBehalf(task, InvitationPurpose.MANAGER,
                    created.getId(), invited.getId(), person.id());
            mails.managerInvitation(label, person, managerName, me, invitation, mailLanguage);
        }
        return new CreatedAccount(created.getId(), customerNumber);
    }

    /** The provider's customer accounts matching the filter (number or name), a page at a time, by name. */
    @Transactional(readOnly = true)
    public List<AccountRow> accounts(AccountFilter filter, Pageable pageable) {
        String path = providerPath(AuditSummary.action("list-accounts"));
        AccountFilter f = filter == null ? AccountFilter.all() : filter;
        return accounts.findAccounts(path, PartnerAdministration.pattern(f.text()), number(f.text()), f.state(),
                pageable);
    }

    /** How many of the provider's customer accounts match the filter. */
    @Transactional(readOnly = true)
    public long countAccounts(AccountFilter filter) {
        String path = providerPath(AuditSummary.action("list-accounts"));
        AccountFilter f = filter == null ? AccountFilter.all() : filter;
        return accounts.countAccounts(path, PartnerAdministration.pattern(f.text()), number(f.text()), f.state());
    }

    /** One of the provider's customer accounts; refused (audited) for any other id. */
    @Transactional(readOnly = true)
    public AccountRow account(long accountId) {
        return requireAccount(accountId, AuditSummary.action("administer-account"));
    }

    /**
     * The account with this customer number, as its page's address names it: refused alike for a number nobody holds
     * and for an account below another provider.
     */
    public AccountRow account(CustomerNumber number) {
        AuditSummary.Term attempted = AuditSummary.action("administer-account");
        long providerId = guard.requireProviderAdministrator(attempted);
        return accounts.findNumberedAccount(providerPath(providerId), number.value())
                .orElseThrow(() -> guard.notTheProviders(providerId, attempted));
    }

    /**
     * Suspends the account, when it is still at the version the caller saw: nobody holds rights in it until it is
     * reactivated, and its open access sessions end now, audited with the reason (optional, one line).
     */
    public void suspend(long accountId, long version, String reason) {
        OrganizationState before = requireAccount(accountId, AuditSummary.action("suspend-account")).state();
        String why = TextRules.check("reason", reason, REASON_MAX_LENGTH);
        Caller.Task task = callers.taskFor("account-administration");
        onboarding.changeState(task, accountId, version, OrganizationState.SUSPENDED, why);
        if (before != OrganizationState.SUSPENDED) {
            accountProvisioning.recordChange(task, accountId);
        }
    }

    /** Reactivates a suspended account, when it is still at the version the caller saw; a closed one stays closed. */
    public void reactivate(long accountId, long version) {
        OrganizationState before = requireAccount(accountId, AuditSummary.action("reactivate-account")).state();
        Caller.Task task = callers.taskFor("account-administration");
        onboarding.changeState(task, accountId, version, OrganizationState.ACTIVE, null);
        if (before != OrganizationState.ACTIVE) {
            accountProvisioning.recordChange(task, accountId);
        }
    }

    /** Closes the account for good (as suspended, and it cannot be reactivated), at the version the caller saw. */
    public void close(long accountId, long version, String reason) {
        OrganizationState before = requireAccount(accountId, AuditSummary.action("close-account")).state();
        String why = TextRules.check("reason", reason, REASON_MAX_LENGTH);
        Caller.Task task = callers.taskFor("account-administration");
        onboarding.changeState(task, accountId, version, OrganizationState.CLOSED, why);
        if (before != OrganizationState.CLOSED) {
            accountProvisioning.recordChange(task, accountId);
        }
    }

    /**
     * Invites a first manager to an account that has no active manager yet (its first manager never accepted, say);
     * once the customer has a manager, its managers invite the others themselves. The person holds nothing until
     * they accept by the link. The same answer whatever the address (also for someone invited already: nothing more
     * happens), no sooner than the invitation answer time.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void inviteManager(long accountId, String email, String name, Locale mailLanguage) {
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            inTransaction.executeWithoutResult(status -> {
                AccountRow account = requireAccount(accountId, AuditSummary.action("invite-first-manager"));
                if (!EmailAddress.isValid(email)) {
                    throw new InvalidInput("email", "validation.email");
                }
                String managerName = TextRules.personName("name", name, UserAccount.DISPLAY_NAME_MAX_LENGTH);
                if (account.state() != OrganizationState.ACTIVE) {
                    throw new RuleViolation("admin.account.not-active");
                }
                onboarding.lock(callers.taskFor("account-administration"), accountId);
                if (!accounts.findActiveManagerEmails(accountId).isEmpty()) {
                    throw new RuleViolation("admin.account.has-manager");
                }
                invitationLimit.take(accountId);
                floor.arm();
                AuthenticatedUser me = callers.requirePerson();
                UserSummary person = users.findOrRegisterInvitee(new EmailAddress(email), managerName);
                String label = account.name() + " (" + account.customerNumber() + ")";
                Caller.Task task = callers.taskFor("account-administration");
                onboarding.inviteUnlessMember(task, person.id(), accountId, MembershipRole.MANAGER, managerName)
                        .ifPresent(membership -> {
                            IssuedInvitation invitation = invitations.issueOnProviderBehalf(task,
                                    InvitationPurpose.MANAGER, accountId, membership.getId(), person.id());
                            mails.managerInvitation(label, person, managerName, me, invitation, mailLanguage);
                        });
            });
        } finally {
            floor.await();
        }
    }

    /** One of the provider's customer accounts with its address and versions; refused (audited) for any other id. */
    @Transactional(readOnly = true)
    public ProviderAccount accountData(long accountId) {
        AuditSummary.Term attempted = AuditSummary.action("administer-account");
        long providerId = guard.requireProviderAdministrator(attempted);
        return queries.account(providerPath(providerId), accountId)
                .orElseThrow(() -> guard.notTheProviders(providerId, attempted));
    }

    /**
     * Changes the account's name and address, when its data is still at the version the caller saw (the managers'
     * dialog keeps the same version: "changed meanwhile" otherwise, nothing saved). Checked as the managers' dialog
     * checks them; a closed account stays as it was. Audited as the managers' change is.
     */
    public void updateAccount(long accountId, long dataVersion, AccountChange change) {
        AccountRow account = requireAccount(accountId, AuditSummary.action("change-account-data"));
        AccountChange input = change == null ? new AccountChange(null, null, null, null, null) : change;
        String name = TextRules.organizationName("name", input.name(), NAME_MAX_LENGTH);
        TextRules.requirePlainLine("name", name);
        if (account.state() == OrganizationState.CLOSED) {
            throw new RuleViolation("admin.account.closed");
        }
        accountProvisioning.changeNameAndAddress(callers.taskFor("account-administration"), accountId, dataVersion,
                name, input.street(), input.postalCode(), input.city(), input.country());
    }

    /**
     * The provider's customer accounts whose own data changed at or after the position (changedAt, then id after
     * {@code afterId}), oldest change first, at most {@code limit}: a system syncing accounts pages on from the last
     * one it saw.
     */
    @Transactional(readOnly = true)
    public List<ProviderAccount> changedSince(java.time.Instant changedAt, long afterId, int limit) {
        String path = providerPath(AuditSummary.action("list-accounts"));
        return queries.changedAfter(path, changedAt == null ? java.time.Instant.EPOCH : changedAt, afterId,
                Math.clamp(limit, 1, 500));
    }

    /**
     * Whom to call about the account: its contact person and deputy. The provider's administrators (and the
     * provider's tokens, reading) may read them for every account below the provider: they are the provider's first
     * contact in an emergency.
     */
    @Transactional // writes its audit entry
    public AccountContactPerson contactPerson(long accountId) {
        AccountRow account = requireAccount(accountId, AuditSummary.action("read-contact-person"));
        recordRead(account, "provider-read-contact-person");
        return queries.contactPerson(accountId);
    }

    /** The account's contacts after the one with id {@code afterId}, in id order; read only, as for the contact person. */
    @Transactional // writes its audit entry
    public List<dev.kontor.contact.ContactRow> contactsOf(long accountId, long afterId, int limit) {
        AccountRow account = requireAccount(accountId, AuditSummary.action("read-contacts"));
        recordRead(account, "provider-read-contacts");
        return contacts.contactsAfter(callers.taskFor("account-administration"), accountId, afterId,
                Math.clamp(limit, 1, 500));
    }

    /**
     * The account's contacts, a page at a time by name, read only (the customer's managers keep them); every page
     * read is on the customer's audit log, as for {@link #contactsOf}.
     */
    @Transactional // writes its audit entry
    public List<dev.kontor.contact.ContactRow> contactsPage(long accountId, Pageable pageable) {
        AccountRow account = requireAccount(accountId, AuditSummary.action("read-contacts"));
        recordRead(account, "provider-read-contacts");
        return contacts.contactsPage(callers.taskFor("account-administration"), accountId, pageable);
    }

    /**
     * The account's managers (invited ones too), a page at a time, read only: the customer's managers invite and
     * remove each other. Their names and addresses are personal data, so the read is on the customer's audit log.
     */
    @Transactional // writes its audit entry
    public List<AccountManager> managersOf(long accountId, Pageable pageable) {
        AccountRow account = requireAccount(accountId, AuditSummary.action("read-managers"));
        recordRead(account, "provider-read-managers");
        return accounts.findManagers(accountId, pageable);
    }

    /** Personal data read by machine is audited like support's lookup: the customer sees who read whom to call. */
    private void recordRead(AccountRow account, String summaryKey) {
        auditLog.record(AuditEntry.success(CONTACT_DATA_READ, account.id(),
                AuditSummary.of(summaryKey, account.name(), account.customerNumber())));
    }

    /**
     * Asks the customer's consent for another partner: a relationship request from that partner with these rights,
     * mailed to one of the account's active managers (the first by address), who accepts or declines as with any
     * partner's request. The current partners keep their relationships until the customer ends them.
     */
    public long requestPartner(long accountId, long partnerId, Set<OrganizationRight> rights, Locale mailLanguage) {
        AuditSummary.Term attempted = AuditSummary.action("request-partner-for-account");
        AccountRow account = requireAccount(accountId, attempted);
        long providerId = guard.requireProviderAdministrator(attempted);
        if (account.state() != OrganizationState.ACTIVE) {
            throw new RuleViolation("admin.account.not-active");
        }
        OrganizationState partnerState = accounts.findPartnerState(providerId, partnerId)
                .orElseThrow(() -> new InvalidInput("partnerId", "admin.account.partner-unknown"));
        if (partnerState != OrganizationState.ACTIVE) {
            throw new InvalidInput("partnerId", "admin.account.partner-suspended");
        }
        String manager = accounts.findActiveManagerEmails(accountId).stream().findFirst()
                .orElseThrow(() -> new RuleViolation("admin.account.no-active-manager"));
        String label = account.name() + " (" + account.customerNumber() + ")";
        return partnerProvisioning.requestOnProviderBehalf(callers.taskFor("account-administration"), partnerId,
                accountId, rights == null ? Set.of() : Set.copyOf(rights), manager, label, false, mailLanguage);
    }

    private AccountRow requireAccount(long accountId, AuditSummary.Term attempted) {
        long providerId = guard.requireProviderAdministrator(attempted);
        return accounts.findAccount(providerPath(providerId), accountId)
                .orElseThrow(() -> guard.notTheProviders(providerId, attempted));
    }

    private String providerPath(AuditSummary.Term attempted) {
        return providerPath(guard.requireProviderAdministrator(attempted));
    }

    /** The provider is a root: every organization below it has a path that starts with its id. */
    static String providerPath(long providerId) {
        return "/" + providerId + "/%";
    }

    private static String number(String text) {
        return CustomerNumber.parse(text).map(CustomerNumber::value).orElse(null);
    }
}
