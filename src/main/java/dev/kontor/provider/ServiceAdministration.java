package dev.kontor.provider;

import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.ServiceKind;
import dev.kontor.account.ServiceRow;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.OrganizationState;
import dev.kontor.user.Callers;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services (clusters, products) of the provider's customer accounts, for its administrators: add, rename, end.
 * They show on the account's dashboard, its support card and in the support search, which all read the same table;
 * an ended one shows nowhere. A closed account's services stay as they were. Everyone else is refused, audited.
 */
@Service
@Transactional
public class ServiceAdministration {

    public static final int NAME_MAX_LENGTH = ServiceRow.NAME_MAX_LENGTH;

    private final ProviderGuard guard;
    private final AccountAdministrationRepository accounts;
    private final AccountProvisioning provisioning;
    private final Callers callers;

    ServiceAdministration(ProviderGuard guard, AccountAdministrationRepository accounts,
                          AccountProvisioning provisioning, Callers callers) {
        this.callers = callers;
        this.guard = guard;
        this.accounts = accounts;
        this.provisioning = provisioning;
    }

    /** Every service of the account, running ones first. */
    @Transactional(readOnly = true)
    public List<ServiceRow> servicesOf(long accountId) {
        requireAccount(accountId, AuditSummary.action("list-services"), false);
        return provisioning.servicesOf(callers.taskFor("service-administration"), accountId);
    }

    /** Adds a service (name unique within the account, one line); returns its id. */
    public long addService(long accountId, String name, ServiceKind kind) {
        requireAccount(accountId, AuditSummary.action("add-service"), true);
        return provisioning.addService(callers.taskFor("service-administration"), accountId, name, kind);
    }

    /** Renames a running service, at the version the caller saw ("changed meanwhile" otherwise). */
    public void renameService(long accountId, long serviceId, long version, String name) {
        requireAccount(accountId, AuditSummary.action("rename-service"), true);
        provisioning.renameService(callers.taskFor("service-administration"), accountId, serviceId, version, name);
    }

    /** Ends a running service, at the version the caller saw: it shows nowhere from now on. */
    public void endService(long accountId, long serviceId, long version) {
        requireAccount(accountId, AuditSummary.action("end-service"), true);
        provisioning.endService(callers.taskFor("service-administration"), accountId, serviceId, version);
    }

    private void requireAccount(long accountId, AuditSummary.Term attempted, boolean change) {
        long providerId = guard.requireProviderAdministrator(attempted);
        AccountRow account = accounts.findAccount("/" + providerId + "/%", accountId)
                .orElseThrow(() -> guard.notTheProviders(providerId, attempted));
        if (change && account.state() == OrganizationState.CLOSED) {
            throw new RuleViolation("admin.service.account-closed");
        }
    }
}
