package dev.kontor.security;

import dev.kontor.user.Callers;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationService;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Support staff read every customer's contact people and provider administrators run the platform: a password alone
 * must never be enough for them, so they always need a second factor.
 */
@Component
class StaffSecondFactorDemand implements SecondFactorDemand {

    static final String REASON = "second-factor-demand.provider-staff";
    private static final Set<MembershipRole> ALWAYS = EnumSet.of(MembershipRole.SUPPORT,
            MembershipRole.PROVIDER_ADMINISTRATOR);

    private final OrganizationService organizations;

    private final Callers callers;

    StaffSecondFactorDemand(OrganizationService organizations, Callers callers) {
        this.callers = callers;
        this.organizations = organizations;
    }

    @Override
    public Optional<String> reasonKey(long userId) {
        // asked before anyone is signed in: the application itself looks the person's roles up
        boolean staff = organizations.activeRolesOf(callers.task("second-factor-demand"), userId).stream()
                .anyMatch(ALWAYS::contains);
        return staff ? Optional.of(REASON) : Optional.empty();
    }

    /**
     * A staff role granted during a sign-in gives nothing before the next one: the roles of a sign-in are read when
     * it starts, and that sign-in then asks for the second factor.
     */
    @Override
    public boolean askedWhileSignedIn() {
        return false;
    }
}
