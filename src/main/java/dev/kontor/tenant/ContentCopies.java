package dev.kontor.tenant;

import dev.kontor.user.Callers;
import dev.kontor.audit.ActingOnBehalf;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationPath;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.user.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts Copy content and reports its progress. The copying itself happens in the background
 * ({@link ContentCopyWorker}), in batches, so that a master with thousands of sub-tenants never blocks a page.
 */
@Service
@Transactional
public class ContentCopies {

    static final String CONTENT_COPY_STARTED = "CONTENT_COPY_STARTED";

    private final OrganizationAccess access;
    private final ContentCopyRepository copies;
    private final TenantRepository tenants;
    private final TenantTreeQueries tree;
    private final ObjectProvider<ActingOnBehalf> onBehalf;
    private final AuditLog auditLog;
    private final Clock clock;

    private final Callers callers;

    ContentCopies(OrganizationAccess access, ContentCopyRepository copies, TenantRepository tenants,
                  TenantTreeQueries tree,
                  ObjectProvider<ActingOnBehalf> onBehalf, AuditLog auditLog, Clock clock, Callers callers) {
        this.callers = callers;
        this.access = access;
        this.copies = copies;
        this.tenants = tenants;
        this.tree = tree;
        this.onBehalf = onBehalf;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Copies the content of a tenant's master tenant into it, and with {@code withDescendants} into every tenant
     * below it too. Needs VIEW in the master and MANAGE_TENANTS in the sub-tenant (which reaches all below it). A copy
     * with the same source and the same targets that is still queued or running is not started a second time.
     */
    public CopyProgress start(long subTenantId, boolean withDescendants) {
        AuthenticatedUser me = access.require(subTenantId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("copy-content"));
        OrganizationPath path = access.pathOf(subTenantId).orElseThrow();
        if (path.target().kind() != OrganizationKind.TENANT) {
            throw new RuleViolation("tenant.not-a-tenant");
        }
        var master = path.nodes().get(path.nodes().size() - 2);
        if (master.kind() != OrganizationKind.TENANT) {
            throw new RuleViolation("tenant.copy.master-not-tenant");
        }
        access.require(master.id(), OrganizationRight.VIEW, AuditSummary.action("copy-content-from-master-tenant"));
        // two starts at once (two tabs, two nodes) queue here, so that the second one sees the first
        tenants.lockById(subTenantId);
        if (copies.existsBySourceIdAndTargetIdAndWithDescendantsAndState(master.id(), subTenantId, withDescendants,
                ContentCopy.State.RUNNING)) {
            throw new RuleViolation("tenant.copy.already-running");
        }
        String pathBelow = pathBelow(path);
        int total = 1 + (withDescendants ? tree.countDescendants(pathBelow) : 0);
        dev.kontor.user.Caller caller = callers.current();
        Long partner = onBehalf.orderedStream().map(acting -> acting.onBehalfOf(caller)).flatMap(Optional::stream)
                .findFirst().orElse(null);
        ContentCopy copy = copies.save(new ContentCopy(master.id(), subTenantId, withDescendants, total, me.userId(),
                partner, clock.instant()));
        String masterName = tree.nodes(List.of(master.id())).stream().findFirst().map(TreeNode::name).orElse("");
        AuditSummary what = AuditSummary.of("content-copy-started", AuditSummary.organization(masterName), total,
                copy.getId());
        auditLog.record(AuditEntry.success(CONTENT_COPY_STARTED, subTenantId, what));
        auditLog.record(AuditEntry.success(CONTENT_COPY_STARTED, master.id(), what));
        return copy.progress();
    }

    /**
     * The name of the master tenant a copy into this tenant copies from, so that Copy content says where the content
     * comes from; empty when the master is no tenant (nothing to copy) or one the person may not see. Needs
     * MANAGE_TENANTS in the sub-tenant, as starting a copy does.
     */
    @Transactional(readOnly = true)
    public Optional<String> masterName(long subTenantId) {
        access.require(subTenantId, OrganizationRight.MANAGE_TENANTS, AuditSummary.action("copy-content"));
        List<dev.kontor.organization.PathNode> nodes = access.pathOf(subTenantId).map(OrganizationPath::nodes)
                .orElse(List.of());
        if (nodes.size() < 2 || nodes.get(nodes.size() - 2).kind() != OrganizationKind.TENANT) {
            return Optional.empty();
        }
        long master = nodes.get(nodes.size() - 2).id();
        // an administrator of this tenant alone may not see its master: the dialog then does without its name, and
        // starting the copy is refused as always
        if (!OrganizationRight.VIEW.isSatisfiedBy(access.rightsIn(master))) {
            return Optional.empty();
        }
        return tree.nodes(List.of(master)).stream().findFirst().map(TreeNode::name);
    }

    /**
     * The copy into this tenant that the signed-in person started and that is still queued or running, if any, so
     * that Copy content shows it again rather than offering to start another. Needs what starting one needs in the
     * sub-tenant.
     */
    @Transactional(readOnly = true)
    public Optional<CopyProgress> unfinished(long subTenantId) {
        AuthenticatedUser me = access.require(subTenantId, OrganizationRight.MANAGE_TENANTS,
                AuditSummary.action("read-copy-progress"));
        return copies.findFirstByTargetIdAndStartedByAndStateOrderByIdDesc(subTenantId, me.userId(),
                ContentCopy.State.RUNNING).map(ContentCopy::progress);
    }

    /**
     * How far a copy has got, for whoever may view its target tenant. An id that names no copy is refused and audited
     * exactly like a copy of someone else's, so that the answer never tells which ids exist.
     */
    @Transactional(readOnly = true)
    public CopyProgress progress(long copyId) {
        AuditSummary.Term attempted = AuditSummary.action("read-copy-progress");
        Optional<ContentCopy> copy = copies.findById(copyId);
        if (copy.isEmpty()) {
            callers.requirePerson();
            auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", null, AuditSummary.of(
                    "refused-lacks-right", attempted, AuditSummary.term("right." + OrganizationRight.VIEW))));
            throw new AccessRefused();
        }
        access.require(copy.get().getTargetId(), OrganizationRight.VIEW, attempted);
        return copy.get().progress();
    }

    static String pathBelow(OrganizationPath path) {
        StringBuilder below = new StringBuilder("/");
        path.nodes().forEach(node -> below.append(node.id()).append('/'));
        return below.toString();
    }
}
