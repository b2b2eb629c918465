package dev.kontor.account;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.user.Roles;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's side of customer accounts: registering the services an account runs and taking over data from
 * earlier systems (master data, when the contact data was last confirmed). For the system only: provider tooling
 * and the demo data.
 */
@Service
@PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
@Transactional
public class AccountProvisioning {

    static final String SERVICE_REGISTERED = "SERVICE_REGISTERED";

    private final CustomerAccountRepository accounts;
    private final HostedServiceRepository services;
    private final AuditLog auditLog;
    private final Clock clock;

    AccountProvisioning(CustomerAccountRepository accounts, HostedServiceRepository services, AuditLog auditLog,
                        Clock clock) {
        this.accounts = accounts;
        this.services = services;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public void registerService(long accountId, String name, ServiceKind kind) {
        services.save(new HostedService(accountId, name, kind, clock.instant()));
        auditLog.record(AuditEntry.change(SERVICE_REGISTERED, accountId,
                AuditSummary.of("account-service-registered", AuditSummary.term("service.kind." + kind), name),
                null, name));
    }

    /** Takes over master data (the company name stays the organization's); validated like any other input. */
    public void importMasterData(long accountId, MasterData data) {
        accounts.findById(accountId).orElseThrow().update(MasterDataRules.validated(data));
    }

    /** Whether a payment method is on file (the billing system's answer). */
    public void recordPaymentMethod(long accountId, boolean onFile) {
        accounts.findById(accountId).orElseThrow().recordPaymentMethod(onFile);
    }

    public void importConfirmation(long accountId, Instant confirmedAt) {
        accounts.findById(accountId).orElseThrow().confirmContactData(confirmedAt);
    }
}
