package dev.kontor.account;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.organization.CustomerAccountCreated;
import dev.kontor.organization.MembershipActivated;
import dev.kontor.organization.MembershipActivating;
import dev.kontor.organization.MembershipRole;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a customer account's own row in step with the organization tree, inside the same transaction: every new
 * customer gets its row, and the first manager to become active becomes its contact person, so that an account
 * never has active managers but no contact person.
 */
@Component
class AccountLifecycle {

    private final CustomerAccountRepository accounts;
    private final AuditLog auditLog;
    private final Clock clock;

    AccountLifecycle(CustomerAccountRepository accounts, AuditLog auditLog, Clock clock) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @EventListener
    void on(CustomerAccountCreated event) {
        accounts.save(new CustomerAccount(event.organizationId(), clock.instant()));
    }

    /** Locks the account before a membership of it changes, as every account change does (no deadlocks). */
    @EventListener
    void on(MembershipActivating event) {
        accounts.lockById(event.organizationId());
    }

    @EventListener
    void on(MembershipActivated event) {
        if (event.role() != MembershipRole.MANAGER) {
            return;
        }
        accounts.lockById(event.organizationId())
                .filter(account -> account.getContactPersonId() == null)
                .ifPresent(account -> {
                    account.appointContactPerson(event.userId(), clock.instant());
                    accounts.flush();
                    auditLog.record(AuditEntry.change(AccountService.CONTACT_PERSON_CHANGED, event.organizationId(),
                            AuditSummary.of("account-first-manager-becomes-contact-person"), null,
                            AuditValue.person(event.userId())));
                });
    }
}
