package dev.kontor.organization;

import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.CurrentUser;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a signed-in person may read about the organizations they belong to. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private final MembershipRepository memberships;

    OrganizationService(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    /** The organizations in which the signed-in person holds an active membership, one row per role. */
    public Slice<MyOrganization> myOrganizations(Pageable pageable) {
        AuthenticatedUser me = CurrentUser.require();
        return memberships.findOrganizationsOf(me.userId(), MembershipState.ACTIVE, pageable);
    }

    /** The roles a person holds through active memberships; asked by sign-in before anyone is authenticated. */
    public List<MembershipRole> activeRolesOf(long userId) {
        return memberships.findRolesOf(userId, MembershipState.ACTIVE);
    }
}
