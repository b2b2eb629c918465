package dev.kontor.organization;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.base.AccessRefused;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.CurrentUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "may the signed-in person do this in that organization?". Every service that reads or changes
 * an organization asks here first; a refusal is audited (in a transaction of its own, so that it is kept) and
 * thrown as {@link AccessRefused}.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationAccess {

    static final String ACCESS_DENIED = "ACCESS_DENIED";

    private final MembershipRepository memberships;
    /** Looked up when used: the features that grant delegated rights check access themselves. */
    private final org.springframework.beans.factory.ObjectProvider<DelegatedRights> delegatedRights;
    private final AuditLog auditLog;

    OrganizationAccess(MembershipRepository memberships,
                       org.springframework.beans.factory.ObjectProvider<DelegatedRights> delegatedRights,
                       AuditLog auditLog) {
        this.memberships = memberships;
        this.delegatedRights = delegatedRights;
        this.auditLog = auditLog;
    }

    /** The rights the signed-in person holds in the organization; empty when none (or nobody is signed in). */
    public Set<OrganizationRight> rightsIn(long organizationId) {
        return CurrentUser.find().map(me -> rightsOf(me.userId(), organizationId))
                .orElseGet(() -> EnumSet.noneOf(OrganizationRight.class));
    }

    public boolean may(long organizationId, OrganizationRight right) {
        return right.isSatisfiedBy(rightsIn(organizationId));
    }

    /**
     * Returns the signed-in person when they hold the right; otherwise audits the attempt, described by
     * {@code attempted}, and refuses it.
     */
    public AuthenticatedUser require(long organizationId, OrganizationRight right, String attempted) {
        AuthenticatedUser me = CurrentUser.require();
        if (!right.isSatisfiedBy(rightsOf(me.userId(), organizationId))) {
            auditLog.recordIndependently(AuditEntry.denied(ACCESS_DENIED, organizationId,
                    attempted + " refused: lacks " + right));
            throw new AccessRefused();
        }
        return me;
    }

    private Set<OrganizationRight> rightsOf(long userId, long organizationId) {
        Set<OrganizationRight> rights = EnumSet.noneOf(OrganizationRight.class);
        for (MembershipRole role : memberships.findRolesIn(userId, organizationId, MembershipState.ACTIVE)) {
            rights.addAll(role.rightsInOwnOrganization());
        }
        if (rights.contains(OrganizationRight.ADMIN)) {
            return rights;
        }
        for (DelegatedRights delegated : delegatedRights.orderedStream().toList()) {
            rights.addAll(delegated.rightsOf(userId, organizationId));
        }
        return rights;
    }
}
