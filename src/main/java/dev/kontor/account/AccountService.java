package dev.kontor.account;

import dev.kontor.user.Callers;
import dev.kontor.base.TextRules;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.user.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer accounts as their managers keep them: the dashboard, the account data and the contact person. Every
 * method checks the caller's right to the account first; changes lock the account row (always before any
 * membership, so that concurrent changes queue up instead of deadlocking) and are refused when the caller's view
 * of the account is stale.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

    static final String ACCOUNT_DATA_CHANGED = "ACCOUNT_DATA_CHANGED";
    static final String CONTACT_PERSON_CHANGED = "CONTACT_PERSON_CHANGED";
    static final String DEPUTY_CHANGED = "DEPUTY_CHANGED";
    static final String CONTACT_DATA_CONFIRMED = "CONTACT_DATA_CONFIRMED";

    private final CustomerAccountRepository accounts;
    private final HostedServiceRepository services;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final MembershipAdministration memberships;
    private final AuditLog auditLog;
    private final AccountSettings settings;
    private final Clock clock;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    private final Callers callers;

    AccountService(CustomerAccountRepository accounts, HostedServiceRepository services,
                   OrganizationService organizations, OrganizationAccess access,
                   MembershipAdministration memberships, AuditLog auditLog, AccountSettings settings, Clock clock, Callers callers) {
        this.callers = callers;
        this.accounts = accounts;
        this.services = services;
        this.organizations = organizations;
        this.access = access;
        this.memberships = memberships;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One page of the accounts the signed-in person manages, filtered by customer number or name (part of either,
     * ignoring case). Two statements per page, however many accounts, services and managers there are.
     */
    public Slice<AccountCard> myAccounts(String filter, Pageable pageable) {
        AuthenticatedUser me = callers.requirePerson();
        if (!TextRules.isPlainLine(filter)) {
            // nothing stored holds hidden characters, and a NUL would not even reach PostgreSQL: it matches nothing
            return new SliceImpl<>(List.of(), pageable, false);
        }
        String pattern = "%" + escapeLike(filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT)) + "%";
        Slice<AccountRow> rows = accounts.findManagedBy(me.userId(), pattern, pageable);
        Map<Long, List<ServiceInfo>> servicesByAccount = servicesOf(rows.getContent().stream()
                .map(AccountRow::accountId).toList());
        Instant overdueBefore = clock.instant().minus(settings.confirmationInterval());
        List<AccountCard> cards = rows.getContent().stream().map(row -> new AccountCard(row.accountId(),
                row.customerNumber(), row.name(), servicesByAccount.getOrDefault(row.accountId(), List.of()),
                row.contactPersonName(), Objects.equals(row.contactPersonId(), me.userId()),
                isOverdue(row.contactConfirmedAt(), overdueBefore))).toList();
        return new SliceImpl<>(cards, pageable, rows.hasNext());
    }

    /** The account data dialog's content; refused (and audited) for anyone without a right to the account. */
    public AccountDetails details(CustomerNumber number) {
        OrganizationSummary account = organizations.customerAccount(number);
        CustomerAccount data = accounts.findById(account.id()).orElseThrow();
        List<Member> managers = memberships.members(account.id(), MembershipRole.MANAGER);
        Instant overdueBefore = clock.instant().minus(settings.confirmationInterval());
        return new AccountDetails(account.id(), account.customerNumber(), data.getVersion(),
                data.masterData(account.name()), data.getContactPersonId(), data.getDeputyId(), managers,
                servicesOf(List.of(account.id())).getOrDefault(account.id(), List.of()),
                data.getContactConfirmedAt(), isOverdue(data.getContactConfirmedAt(), overdueBefore),
                access.rightsIn(account.id()), callers.requirePerson().userId());
    }

    @Transactional
    public void updateMasterData(long accountId, long expectedVersion, MasterData changed) {
        access.require(accountId, OrganizationRight.ADMIN, AuditSummary.action("change-account-data"));
        MasterData data = MasterDataRules.validated(changed);
        CustomerAccount account = lockFresh(accountId, expectedVersion);
        boolean renamed = organizations.rename(accountId, data.companyName());
        MasterData before = account.masterData(data.companyName());
        if (renamed && before.equals(data)) {
            // the company name lives on the organization (whose version is the account's state's, and stays): a new
            // name alone is a change of the account too, one new data version for every open dialog (changed-at
            // alone raises none) and the systems that sync accounts changed since
            entityManager.lock(account, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            account.touch(clock.instant());
        }
        if (!before.equals(data)) {
            account.update(data, clock.instant());
            auditLog.record(AuditEntry.change(ACCOUNT_DATA_CHANGED, accountId,
                    AuditSummary.of("account-data-changed"), describe(before), describe(data)));
        }
        accounts.flush();
    }

    /** Makes another active manager of the account its contact person (rule 1). */
    @Transactional
    public void changeContactPerson(long accountId, long expectedVersion, long userId) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("change-contact-person"));
        CustomerAccount account = lockFresh(accountId, expectedVersion);
        List<Member> managers = memberships.members(accountId, MembershipRole.MANAGER);
        activeManager(managers, userId);
        Long before = account.getContactPersonId();
        if (Objects.equals(before, userId)) {
            return;
        }
        Long deputyBefore = account.getDeputyId();
        account.appointContactPerson(userId, clock.instant());
        accounts.flush();
        auditLog.record(AuditEntry.change(CONTACT_PERSON_CHANGED, accountId,
                AuditSummary.of("account-contact-person-changed"), person(before), AuditValue.person(userId)));
        if (deputyBefore != null && deputyBefore == userId) {
            auditLog.record(AuditEntry.change(DEPUTY_CHANGED, accountId,
                    AuditSummary.of("account-deputy-became-contact-person"), AuditValue.person(userId), null));
        }
    }

    /** Chooses the deputy (another active manager) or, with {@code null}, clears it. */
    @Transactional
    public void changeDeputy(long accountId, long expectedVersion, Long userId) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("change-deputy"));
        CustomerAccount account = lockFresh(accountId, expectedVersion);
        List<Member> managers = memberships.members(accountId, MembershipRole.MANAGER);
        Long before = account.getDeputyId();
        if (userId != null) {
            activeManager(managers, userId);
            if (userId.equals(account.getContactPersonId())) {
                throw new RuleViolation("deputy.is-contact-person");
            }
        }
        if (Objects.equals(before, userId)) {
            return;
        }
        account.appointDeputy(userId, clock.instant());
        accounts.flush();
        auditLog.record(AuditEntry.change(DEPUTY_CHANGED, accountId, AuditSummary.of("account-deputy-changed"),
                person(before), person(userId)));
    }

    /** "Still correct": any manager confirms the contact data with one click. */
    @Transactional
    public void confirmContactData(long accountId) {
        access.require(accountId, OrganizationRight.MANAGE_USERS, AuditSummary.action("confirm-contact-data"));
        CustomerAccount account = accounts.lockById(accountId).orElseThrow();
        Instant before = account.getContactConfirmedAt();
        account.confirmContactData(clock.instant());
        auditLog.record(AuditEntry.change(CONTACT_DATA_CONFIRMED, accountId,
                AuditSummary.of("account-contact-data-confirmed"), before == null ? null : AuditValue.moment(before),
                AuditValue.moment(clock.instant())));
    }

    private CustomerAccount lockFresh(long accountId, long expectedVersion) {
        CustomerAccount account = accounts.lockById(accountId).orElseThrow();
        if (account.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        return account;
    }

    private static Member activeManager(List<Member> managers, long userId) {
        return managers.stream().filter(m -> m.userId() == userId).findFirst()
                .filter(Member::isActive)
                .orElseThrow(() -> new RuleViolation("contact-person.must-be-active-manager"));
    }

    /** The audit log shows the person by name and e-mail when it is read. */
    private static String person(Long userId) {
        return userId == null ? null : AuditValue.person(userId);
    }

    private Map<Long, List<ServiceInfo>> servicesOf(List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return services.findByAccounts(accountIds).stream().collect(Collectors.groupingBy(
                HostedService::getOrganizationId,
                Collectors.mapping(s -> new ServiceInfo(s.getName(), s.getKind()), Collectors.toList())));
    }

    private static boolean isOverdue(Instant confirmedAt, Instant overdueBefore) {
        return confirmedAt == null || confirmedAt.isBefore(overdueBefore);
    }

    static String describe(MasterData data) {
        List<String> parts = new ArrayList<>();
        parts.add("name=" + data.companyName());
        Optional.ofNullable(data.street()).ifPresent(v -> parts.add("street=" + v));
        Optional.ofNullable(data.postalCode()).ifPresent(v -> parts.add("postalCode=" + v));
        Optional.ofNullable(data.city()).ifPresent(v -> parts.add("city=" + v));
        Optional.ofNullable(data.country()).ifPresent(v -> parts.add("country=" + v));
        Optional.ofNullable(data.billingEmail()).ifPresent(v -> parts.add("billingEmail=" + v));
        Optional.ofNullable(data.emergencyPhone()).ifPresent(v -> parts.add("emergencyPhone=" + v));
        return String.join(", ", parts);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
