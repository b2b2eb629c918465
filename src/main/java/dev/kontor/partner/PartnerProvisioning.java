package dev.kontor.partner;

import dev.kontor.user.Caller;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.SecretTokens;
import dev.kontor.organization.OrganizationRight;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes over partnerships that exist already (from an earlier system, or the demo data): an active relationship
 * with its granted rights, and employees' assignments. For the system only: each method takes a task.
 */
@Service
@Transactional
public class PartnerProvisioning {

    static final String RELATIONSHIP_IMPORTED = "RELATIONSHIP_IMPORTED";

    private final PartnerRelationshipRepository relationships;
    private final CustomerAssignmentRepository assignments;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PartnerMails mails;
    private final PartnerSettings settings;

    PartnerProvisioning(PartnerRelationshipRepository relationships, CustomerAssignmentRepository assignments,
                        AuditLog auditLog, Clock clock, PartnerMails mails, PartnerSettings settings) {
        this.relationships = relationships;
        this.assignments = assignments;
        this.mails = mails;
        this.settings = settings;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public long importActiveRelationship(Caller.Task task, long partnerId, long customerId,
                                         Set<OrganizationRight> rights, String managerEmail, long acceptedBy) {
        Caller.requireTask(task);
        Instant now = clock.instant();
        CustomerKeys customer = relationships.customerKeys(customerId);
        PartnerRelationship relationship = new PartnerRelationship(partnerId, customer,
                rights, managerEmail, SecretTokens.hash(SecretTokens.newToken()), null, now, now);
        relationship.accept(rights, acceptedBy, now);
        relationship.markReviewed(acceptedBy, now);
        relationships.save(relationship);
        String granted = PartnerService.rightsText(rights);
        // each side's log names the other: a partner that took over many customers tells the rows apart by them
        auditLog.record(AuditEntry.change(RELATIONSHIP_IMPORTED, partnerId, AuditSummary.of(
                "partner-taken-over-customer", AuditSummary.organization(relationships.nameOf(customerId)),
                customer.number()), null, granted));
        auditLog.record(AuditEntry.change(RELATIONSHIP_IMPORTED, customerId, AuditSummary.of(
                "partner-taken-over-partner", AuditSummary.organization(relationships.nameOf(partnerId))),
                null, granted));
        return relationship.getId();
    }

    /**
     * A relationship request from the partner to the customer, started by the provider's administration after its own
     * check (a new account attached to a partner, or an account moving to another partner): the customer's manager
     * at this address gets the ordinary request link and accepts or declines as with any partner's request. Refused
     * while the partner has an open (requested or active) relationship with the customer.
     */
    public long requestOnProviderBehalf(Caller.Task task, long partnerId, long customerId,
                                        Set<dev.kontor.organization.OrganizationRight> rights, String managerEmail,
                                        String customerLabel, boolean newAccount, java.util.Locale language) {
        Caller.requireTask(task);
        if (rights == null || rights.isEmpty()) {
            throw new dev.kontor.base.InvalidInput("rights", "partner.rights-required");
        }
        if (relationships.findOpen(partnerId, customerId).isPresent()) {
            throw new dev.kontor.base.InvalidInput("partnerId", "admin.account.partner-already");
        }
        Set<dev.kontor.organization.OrganizationRight> requested = RightsConverter.withView(rights);
        String token = dev.kontor.base.SecretTokens.newToken();
        Instant now = clock.instant();
        // an API token is nobody: the request names no requesting person (the audit log names the token)
        Long requester = task.initiator().orElseThrow().personId();
        PartnerRelationship relationship = relationships.save(new PartnerRelationship(partnerId,
                relationships.customerKeys(customerId), requested,
                managerEmail, SecretTokens.hash(token), requester, now, now.plus(settings.requestValidity())));
        relationships.flush();
        String partnerName = relationships.nameOf(partnerId);
        AuditSummary summary = AuditSummary.of("partner-relationship-requested-by-provider", partnerName,
                customerLabel);
        String granted = PartnerService.rightsText(requested);
        auditLog.record(AuditEntry.change(PartnerService.RELATIONSHIP_REQUESTED, partnerId, summary, null, granted));
        auditLog.record(AuditEntry.change(PartnerService.RELATIONSHIP_REQUESTED, customerId, summary, null, granted));
        mails.send(mails.request(relationship, token, partnerName, customerLabel, newAccount, language));
        return relationship.getId();
    }

    public void importAssignment(Caller.Task task, long partnerId, long customerId, long employeeUserId) {
        Caller.requireTask(task);
        assignments.save(new CustomerAssignment(partnerId, customerId, employeeUserId, clock.instant()));
    }
}
