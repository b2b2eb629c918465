package dev.kontor.organization;

import dev.kontor.audit.AuditActorStanding;
import dev.kontor.user.ApiTokenIdentity;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the audit log whether the signed-in person or token stands outside an organization when a refusal there is
 * written. Inside are: whoever holds a membership in it in any state (invited, waiting, active or deactivated: the
 * organization knows them by name already); whoever holds any right in it at all (from a membership above it, an
 * access session, a partnership); whoever works in an access session for it; the people of a partner whose active
 * relationship with it grants the partner any right; a token of it, of an organization above it, or of such a
 * partner. Everyone else
 * (another account's managers, an unrelated partner's people, the provider's staff, a token of another organization)
 * is outside. An organization that does not exist has nobody inside.
 */
@Component
class OrganizationActorStanding implements AuditActorStanding {

    private final OrganizationAccess access;
    private final MembershipRepository memberships;
    private final ObjectProvider<PartnershipRights> partnershipRights;
    private final ObjectProvider<ActingPartner> actingPartners;
    private final Callers callers;

    OrganizationActorStanding(OrganizationAccess access, MembershipRepository memberships,
                              ObjectProvider<PartnershipRights> partnershipRights,
                              ObjectProvider<ActingPartner> actingPartners, Callers callers) {
        this.callers = callers;
        this.access = access;
        this.memberships = memberships;
        this.partnershipRights = partnershipRights;
        this.actingPartners = actingPartners;
    }

    @Override
    public boolean outside(long organizationId) {
        Caller caller = callers.current();
        Optional<AuthenticatedUser> me = caller.signedIn();
        if (me.isEmpty()) {
            return false;
        }
        Optional<OrganizationPath> path = access.pathOf(organizationId);
        if (path.isEmpty()) {
            return true;
        }
        Optional<ApiTokenIdentity> token = me.get().apiToken();
        if (token.isPresent()) {
            // asked of the partnership directly: the token's rights would pass the customer's rules for partner
            // tokens, which refuse (and audit) the very call whose refusal is being written
            long own = token.get().organizationId();
            return path.get().nodes().stream().noneMatch(node -> node.id() == own)
                    && !grantsAnything(own, path.get());
        }
        long userId = me.get().userId();
        if (memberships.existsIn(userId, organizationId) || !access.rightsIn(organizationId).isEmpty()) {
            return false;
        }
        if (actingPartners.orderedStream().anyMatch(acting -> acting.partnerActingIn(caller, path.get()).isPresent())) {
            return false;
        }
        List<Long> partners = memberships.findOrganizationsOfKind(userId, MembershipState.ACTIVE,
                OrganizationKind.PARTNER).stream().map(MyOrganization::organizationId).distinct().toList();
        return partners.stream().noneMatch(partner -> grantsAnything(partner, path.get()));
    }

    /** Whether the partner's active relationship grants it any right on this path. */
    private boolean grantsAnything(long partnerId, OrganizationPath path) {
        return partnershipRights.orderedStream().anyMatch(rights -> !rights.rightsOfPartner(partnerId, path).isEmpty());
    }
}
