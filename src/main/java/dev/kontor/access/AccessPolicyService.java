package dev.kontor.access;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.partner.PartnerGrants;
import dev.kontor.user.AuthenticatedUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's rules for partner access. Anyone with a right to the account sees them; only the account's own
 * active managers change them, and none who belongs to one of the account's partners (a partner working in the
 * account, or one of its people who also manages it, never can: the customer stays in control).
 */
@Service
public class AccessPolicyService {

    static final String POLICY_CHANGED = "ACCESS_POLICY_CHANGED";

    private final AccessPolicyRepository policies;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final AuditLog auditLog;
    private final PartnerGrants partners;

    AccessPolicyService(AccessPolicyRepository policies, OrganizationAccess access, OrganizationService organizations,
                        AuditLog auditLog, PartnerGrants partners) {
        this.policies = policies;
        this.access = access;
        this.organizations = organizations;
        this.auditLog = auditLog;
        this.partners = partners;
    }

    /** The rules of one account: whether a reason is required, whether the contact person is told. */
    public record Rules(boolean requireReason, boolean notifyContactPerson, boolean viewerMayChange,
                        boolean viewerIsPartner) {
    }

    @Transactional(readOnly = true)
    public Rules rulesOf(long customerId) {
        access.require(customerId, OrganizationRight.VIEW, AuditSummary.action("read-partner-access-rules"));
        AccessPolicy policy = policies.findById(customerId).orElseGet(() -> new AccessPolicy(customerId));
        boolean partner = partners.callerBelongsToAPartnerOf(customerId);
        boolean mayChange = isManager(customerId) && !partner;
        return new Rules(policy.requiresReason(), policy.notifiesContactPerson(), mayChange, partner);
    }

    @Transactional
    public void change(long customerId, boolean requireReason, boolean notifyContactPerson) {
        AuthenticatedUser me = access.require(customerId, OrganizationRight.MANAGE_USERS,
                AuditSummary.action("change-partner-access-rules"));
        if (partners.callerBelongsToAPartnerOf(customerId)) {
            auditLog.recordIndependently(AuditEntry.denied(POLICY_CHANGED, customerId,
                    AuditSummary.of("access-rules-not-by-partner-people")));
            throw new AccessRefused();
        }
        if (!isManager(customerId)) {
            auditLog.recordIndependently(AuditEntry.denied(POLICY_CHANGED, customerId,
                    AuditSummary.of("access-rules-own-managers-only")));
            throw new AccessRefused();
        }
        AccessPolicy policy = policies.findById(customerId).orElseGet(() -> policies.save(new AccessPolicy(customerId)));
        String before = "reason " + policy.requiresReason() + ", notify " + policy.notifiesContactPerson();
        policy.change(requireReason, notifyContactPerson);
        auditLog.record(AuditEntry.change(POLICY_CHANGED, customerId, AuditSummary.of("access-rules-changed"),
                before, "reason " + requireReason + ", notify " + notifyContactPerson));
    }

    private boolean isManager(long customerId) {
        return organizations.myRolesIn(customerId).contains(MembershipRole.MANAGER);
    }
}
