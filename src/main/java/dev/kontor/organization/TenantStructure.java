package dev.kontor.organization;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.base.TextRules;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shape of the tenant tree: creating a tenant below a node, renaming and moving it. Whoever may manage tenants
 * below a node (MANAGE_TENANTS there) may do this; a tenant stays within the tree of the customer account or partner
 * it belongs to, and never becomes its own descendant.
 * <p>
 * Changes to one owner's tree are serialized by locking the owner's row: a move rewrites the paths of a whole
 * sub-tree, and a tenant created meanwhile below it must not keep a stale path.
 */
@Service
@Transactional
public class TenantStructure {

    static final String TENANT_MOVED = "TENANT_MOVED";
    static final String ORGANIZATION_CREATED = OrganizationOnboarding.ORGANIZATION_CREATED;
    /** Deep enough for any real hierarchy, shallow enough that a path always fits its column. */
    static final int MAX_DEPTH = 40;

    private final OrganizationRepository organizations;
    private final OrganizationAccess access;
    private final AuditLog auditLog;
    private final Clock clock;

    TenantStructure(OrganizationRepository organizations, OrganizationAccess access, AuditLog auditLog, Clock clock) {
        this.organizations = organizations;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Creates a tenant below the master tenant (a partner, customer account or tenant); returns it. */
    public OrganizationSummary createTenant(long masterId, String name) {
        access.requireBelow(masterId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("create-tenant"));
        String checkedName = TextRules.organizationName("name", name, Organization.NAME_MAX_LENGTH);
        lockOwnerTreeOf(masterId);
        Organization master = organizations.findById(masterId).orElseThrow();
        if (OrganizationPath.idsIn(master.pathBelow()).size() >= MAX_DEPTH) {
            throw new InvalidInput("master", "tenant.too-deep", MAX_DEPTH);
        }
        refuseTakenName(masterId, checkedName);
        Organization tenant = organizations.saveAndFlush(Organization.tenant(checkedName, master, clock.instant()));
        auditLog.record(AuditEntry.change(ORGANIZATION_CREATED, tenant.getId(),
                AuditSummary.of("tenant-created-below", checkedName, master.getName()), null, checkedName));
        return summaryOf(tenant);
    }

    /** Renames a tenant; names stay unique among its siblings. */
    public void rename(long tenantId, String newName, long expectedVersion) {
        access.require(tenantId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("rename-tenant"));
        String checkedName = TextRules.organizationName("name", newName, Organization.NAME_MAX_LENGTH);
        lockOwnerTreeOf(tenantId);
        Organization tenant = tenant(tenantId, expectedVersion);
        if (tenant.getName().equals(checkedName)) {
            return;
        }
        if (!Organization.siblingKeyOf(checkedName).equals(Organization.siblingKeyOf(tenant.getName()))) {
            refuseTakenName(tenant.getParent().orElseThrow().getId(), checkedName);
        }
        String before = tenant.getName();
        tenant.rename(checkedName);
        organizations.flush();
        auditLog.record(AuditEntry.change(OrganizationService.ORGANIZATION_RENAMED, tenantId,
                AuditSummary.of("tenant-name"), before, checkedName));
    }

    /**
     * Hangs a tenant (with everything below it) below another node of the same owner's tree. Refused when the new
     * master is the tenant itself or one of its descendants, or already has a tenant of that name.
     */
    public void move(long tenantId, long newMasterId, long expectedVersion) {
        access.require(tenantId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("move-tenant"));
        access.requireBelow(newMasterId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("move-tenant-below", newMasterId));
        // locked before anything is read: a move elsewhere in this tree could otherwise change the paths read here
        lockOwnerTreeOf(tenantId);
        Organization tenant = tenant(tenantId, expectedVersion);
        Organization newMaster = organizations.findById(newMasterId).orElseThrow();
        long owner = tenant.getAccountId().orElseThrow();
        if (newMaster.getId() == tenantId || newMaster.ancestorIds().contains(tenantId)) {
            throw new RuleViolation("tenant.move.cycle");
        }
        if (!(newMaster.getId() == owner || newMaster.getAccountId().filter(id -> id == owner).isPresent())) {
            throw new RuleViolation("tenant.move.other-owner");
        }
        Organization oldMaster = tenant.getParent().orElseThrow();
        if (oldMaster.getId().equals(newMaster.getId())) {
            return;
        }
        if (organizations.existsSibling(newMasterId, Organization.siblingKeyOf(tenant.getName()))) {
            throw new RuleViolation("tenant.move.name-taken", tenant.getName(), newMaster.getName());
        }
        int depthBelow = organizations.maxDepthBelow(tenant.pathBelow() + "%").orElse(0)
                - OrganizationPath.idsIn(tenant.pathBelow()).size();
        if (OrganizationPath.idsIn(newMaster.pathBelow()).size() + 1 + Math.max(depthBelow, 0) > MAX_DEPTH) {
            throw new RuleViolation("tenant.too-deep", MAX_DEPTH);
        }
        String oldPrefix = tenant.pathBelow();
        // read before the paths are rewritten: that clears the persistence context, and the old master may be a
        // lazy proxy that could no longer be loaded afterwards
        AuditEntry moved = AuditEntry.change(TENANT_MOVED, tenantId,
                AuditSummary.of("tenant-moved", tenant.getName()), oldMaster.getName(), newMaster.getName());
        tenant.moveBelow(newMaster);
        organizations.flush();
        organizations.rewritePaths(oldPrefix, tenant.pathBelow(), oldPrefix.length());
        auditLog.record(moved);
    }

    private Organization tenant(long tenantId, long expectedVersion) {
        Organization tenant = organizations.findById(tenantId)
                .filter(o -> o.getKind() == OrganizationKind.TENANT)
                .orElseThrow(() -> new RuleViolation("tenant.not-a-tenant"));
        if (tenant.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        return tenant;
    }

    private void refuseTakenName(long masterId, String name) {
        if (organizations.existsSibling(masterId, Organization.siblingKeyOf(name))) {
            throw new InvalidInput("name", "tenant.name-taken", name);
        }
    }

    /** Locks the customer account or partner whose tree holds the node (the node itself when it is one). */
    private void lockOwnerTreeOf(long nodeId) {
        long owner = organizations.findOwnerOf(nodeId).orElseThrow(() -> new RuleViolation("tenant.not-a-tenant"));
        organizations.lockById(owner);
    }

    private static OrganizationSummary summaryOf(Organization o) {
        return new OrganizationSummary(o.getId(), o.getKind(), o.getName(), null);
    }
}
