package dev.kontor.partner;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.SecretTokens;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes over partnerships that exist already (from an earlier system, or the demo data): an active relationship
 * with its granted rights, and employees' assignments. For the system only.
 */
@Service
@PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
@Transactional
public class PartnerProvisioning {

    static final String RELATIONSHIP_IMPORTED = "RELATIONSHIP_IMPORTED";

    private final PartnerRelationshipRepository relationships;
    private final CustomerAssignmentRepository assignments;
    private final AuditLog auditLog;
    private final Clock clock;

    PartnerProvisioning(PartnerRelationshipRepository relationships, CustomerAssignmentRepository assignments,
                        AuditLog auditLog, Clock clock) {
        this.relationships = relationships;
        this.assignments = assignments;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public long importActiveRelationship(long partnerId, long customerId, Set<OrganizationRight> rights,
                                         String managerEmail, long acceptedBy) {
        Instant now = clock.instant();
        PartnerRelationship relationship = new PartnerRelationship(partnerId, customerId, rights, managerEmail,
                SecretTokens.hash(SecretTokens.newToken()), null, now, now);
        relationship.accept(rights, acceptedBy, now);
        relationship.markReviewed(acceptedBy, now);
        relationships.save(relationship);
        String granted = PartnerService.rightsText(rights);
        AuditSummary summary = AuditSummary.of("partner-taken-over");
        auditLog.record(AuditEntry.change(RELATIONSHIP_IMPORTED, partnerId, summary, null, granted));
        auditLog.record(AuditEntry.change(RELATIONSHIP_IMPORTED, customerId, summary, null, granted));
        return relationship.getId();
    }

    public void importAssignment(long partnerId, long customerId, long employeeUserId) {
        assignments.save(new CustomerAssignment(partnerId, customerId, employeeUserId, clock.instant()));
    }
}
