package dev.kontor.account;

import dev.kontor.user.Caller;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import java.time.Clock;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.StaleData;
import dev.kontor.base.TextRules;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's side of customer accounts: registering the services an account runs and taking over data from
 * earlier systems (master data, when the contact data was last confirmed). For the system only: provider tooling
 * and the demo data.
 */
@Service
@Transactional
public class AccountProvisioning {

    static final String SERVICE_REGISTERED = "SERVICE_REGISTERED";
    static final String SERVICE_RENAMED = "SERVICE_RENAMED";
    static final String SERVICE_ENDED = "SERVICE_ENDED";

    private final CustomerAccountRepository accounts;
    private final HostedServiceRepository services;
    private final AuditLog auditLog;
    private final Clock clock;
    private final dev.kontor.organization.OrganizationOnboarding organizations;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    AccountProvisioning(CustomerAccountRepository accounts, HostedServiceRepository services, AuditLog auditLog,
                        Clock clock, dev.kontor.organization.OrganizationOnboarding organizations) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.services = services;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public void registerService(Caller.Task task, long accountId, String name, ServiceKind kind) {
        Caller.requireTask(task);
        services.save(new HostedService(accountId, name, kind, clock.instant()));
        auditLog.record(AuditEntry.change(SERVICE_REGISTERED, accountId,
                AuditSummary.of("account-service-registered", AuditSummary.term("service.kind." + kind), name),
                null, name));
    }

    /**
     * Adds a service the account runs; it shows on the dashboard, the support card and in the support search at
     * once. The name is one line, unique within the account (ended services keep theirs).
     *
     * @return the new service's id
     */
    public long addService(Caller.Task task, long accountId, String name, ServiceKind kind) {
        Caller.requireTask(task);
        String checked = checkedName(accountId, name);
        if (kind == null) {
            throw new InvalidInput("kind", "validation.required");
        }
        accounts.lockById(accountId).orElseThrow().touch(clock.instant());
        if (services.existsByOrganizationIdAndNameIgnoreCase(accountId, checked)) {
            throw new InvalidInput("name", "admin.service.name-taken");
        }
        HostedService service;
        try {
            service = services.saveAndFlush(new HostedService(accountId, checked, kind, clock.instant()));
        } catch (org.springframework.dao.DataIntegrityViolationException takenMeanwhile) {
            throw new InvalidInput("name", "admin.service.name-taken");
        }
        auditLog.record(AuditEntry.change(SERVICE_REGISTERED, accountId,
                AuditSummary.of("account-service-registered", AuditSummary.term("service.kind." + kind), checked),
                null, checked));
        return service.getId();
    }

    /** Renames a running service, when it is still at the version the caller saw ({@link StaleData} otherwise). */
    public void renameService(Caller.Task task, long accountId, long serviceId, long version, String name) {
        Caller.requireTask(task);
        String checked = checkedName(accountId, name);
        accounts.lockById(accountId).orElseThrow().touch(clock.instant());
        HostedService service = current(accountId, serviceId, version);
        if (!service.getName().equalsIgnoreCase(checked)
                && services.existsByOrganizationIdAndNameIgnoreCase(accountId, checked)) {
            throw new InvalidInput("name", "admin.service.name-taken");
        }
        String before = service.getName();
        service.rename(checked);
        services.flush();
        auditLog.record(AuditEntry.change(SERVICE_RENAMED, accountId,
                AuditSummary.of("account-service-renamed", before, checked), before, checked));
    }

    /** Ends a running service, when it is still at the version the caller saw: it shows nowhere from now on. */
    public void endService(Caller.Task task, long accountId, long serviceId, long version) {
        Caller.requireTask(task);
        accounts.lockById(accountId).orElseThrow().touch(clock.instant());
        HostedService service = current(accountId, serviceId, version);
        service.end(clock.instant());
        services.flush();
        auditLog.record(AuditEntry.change(SERVICE_ENDED, accountId,
                AuditSummary.of("account-service-ended", service.getName()), service.getName(), null));
    }

    /** Every service of the account, running ones first. */
    @Transactional(readOnly = true)
    public List<ServiceRow> servicesOf(Caller.Task task, long accountId) {
        Caller.requireTask(task);
        return services.findAllOf(accountId).stream().map(HostedService::row).toList();
    }

    private HostedService current(long accountId, long serviceId, long version) {
        HostedService service = services.findById(serviceId)
                .filter(s -> s.getOrganizationId() == accountId).orElseThrow(StaleData::new);
        if (service.getVersion() != version || service.getEndedAt() != null) {
            throw new StaleData();
        }
        return service;
    }

    private static String checkedName(long accountId, String name) {
        String checked = TextRules.required("name", name, ServiceRow.NAME_MAX_LENGTH);
        TextRules.requirePlainLine("name", checked);
        return checked;
    }

    /** Takes over master data (the company name stays the organization's); validated like any other input. */
    public void importMasterData(Caller.Task task, long accountId, MasterData data) {
        Caller.requireTask(task);
        accounts.findById(accountId).orElseThrow().update(MasterDataRules.validated(data), clock.instant());
    }

    /**
     * The provider's change of an account's name and address, at the data version the caller saw ({@link StaleData}
     * otherwise, as for the managers' own dialog, which keeps the same version); the billing address and the
     * out-of-hours number stay the managers'. Validated as the dialog is; audited as the dialog's change is. A change
     * raises the data version by one and leaves the state version (the organization's) alone, so that a billing
     * system's suspend or reactivate with the state version it read before still applies.
     */
    public void changeNameAndAddress(Caller.Task task, long accountId, long expectedVersion, String name, String street,
                                     String postalCode, String city, String country) {
        Caller.requireTask(task);
        CustomerAccount account = accounts.lockById(accountId).orElseThrow();
        MasterData typed = MasterDataRules.validated(new MasterData(name, street, postalCode, city, country, null,
                null));
        if (account.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        String before = organizations.rename(task, accountId, typed.companyName());
        MasterData was = account.masterData(before);
        MasterData data = new MasterData(typed.companyName(), typed.street(), typed.postalCode(), typed.city(),
                typed.country(), was.billingEmail(), was.emergencyPhone());
        if (was.equals(data)) {
            return;
        }
        if (account.masterData(typed.companyName()).equals(data)) {
            // only the name, which lives on the organization: the account's row changes nothing of its own, so its
            // version is raised here, once, to tell every open dialog (changed-at alone raises no version)
            entityManager.lock(account, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        // otherwise the update raises the version, once
        account.update(data, clock.instant());
        accounts.flush();
        auditLog.record(AuditEntry.change(AccountService.ACCOUNT_DATA_CHANGED, accountId,
                AuditSummary.of("account-data-changed"), AccountService.describe(was), AccountService.describe(data)));
    }

    /** The account's name or state changed (kept on its organization): syncing systems see it as changed now. */
    public void recordChange(Caller.Task task, long accountId) {
        Caller.requireTask(task);
        accounts.lockById(accountId).orElseThrow().touch(clock.instant());
    }

    /** Whether a payment method is on file (the billing system's answer). */
    public void recordPaymentMethod(Caller.Task task, long accountId, boolean onFile) {
        Caller.requireTask(task);
        accounts.findById(accountId).orElseThrow().recordPaymentMethod(onFile);
    }

    public void importConfirmation(Caller.Task task, long accountId, Instant confirmedAt) {
        Caller.requireTask(task);
        accounts.findById(accountId).orElseThrow().confirmContactData(confirmedAt);
    }
}
