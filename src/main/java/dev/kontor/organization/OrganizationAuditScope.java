package dev.kontor.organization;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditReadScope;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whose audit events a person may read: support reads everything; managers, legal representatives and
 * administrators (provider administrators included: the provider's own events) read the organizations where they
 * hold that role. The provider's staff are told who an outsider was whose refusal they read; everyone else is not.
 */
@Component
class OrganizationAuditScope implements AuditReadScope {

    private static final Set<MembershipRole> READERS = EnumSet.of(MembershipRole.MANAGER,
            MembershipRole.LEGAL_REPRESENTATIVE, MembershipRole.PARTNER_ADMINISTRATOR,
            MembershipRole.TENANT_ADMINISTRATOR, MembershipRole.PROVIDER_ADMINISTRATOR);

    private final MembershipRepository memberships;

    private final Callers callers;

    OrganizationAuditScope(MembershipRepository memberships, Callers callers) {
        this.callers = callers;
        this.memberships = memberships;
    }

    @Override
    public boolean readsEverything() {
        return callers.person().map(me -> memberships.findRolesOf(me.userId(), MembershipState.ACTIVE)
                .contains(MembershipRole.SUPPORT)).orElse(false);
    }

    /** The provider's staff: support, the provider's administrators and the provider's own API tokens. */
    @Override
    public boolean seesOutsiders() {
        var token = callers.person().flatMap(me -> me.apiToken());
        if (token.isPresent()) {
            return token.get().provider();
        }
        return callers.person().map(me -> memberships.findRolesOf(me.userId(), MembershipState.ACTIVE).stream()
                .anyMatch(role -> role == MembershipRole.SUPPORT || role == MembershipRole.PROVIDER_ADMINISTRATOR))
                .orElse(false);
    }

    @Override
    public Set<Long> readableOrganizations() {
        Set<Long> readable = new HashSet<>();
        var token = callers.person().flatMap(me -> me.apiToken());
        if (token.isPresent()) {
            // a token reads its own organization's log, as its legal representatives or administrators do
            return Set.of(token.get().organizationId());
        }
        callers.person().ifPresent(me -> memberships.findOrganizationsOf(me.userId(), MembershipState.ACTIVE,
                        org.springframework.data.domain.Pageable.ofSize(200)).forEach(o -> {
                            if (READERS.contains(o.role())) {
                                readable.add(o.organizationId());
                            }
                        }));
        return readable;
    }
}
