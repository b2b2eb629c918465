package dev.kontor.security;

import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.user.Callers;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks a second factor of everyone who holds an active membership in an organization that requires one, itself or
 * through an organization above it in the tree up to the next customer account (see {@link SecondFactorPolicy}).
 */
@Component
class OrganizationSecondFactorDemand implements SecondFactorDemand {

    private final SecondFactorPolicy policy;
    private final Callers callers;

    OrganizationSecondFactorDemand(SecondFactorPolicy policy, Callers callers) {
        this.policy = policy;
        this.callers = callers;
    }

    @Override
    public Optional<String> reasonKey(long userId) {
        // asked during sign-in, before (or while) the person is authenticated: the application asks for them
        return policy.requiredFor(callers.task("second-factor-demand"), userId)
                ? Optional.of(SecondFactorPolicy.REASON_KEY) : Optional.empty();
    }

    /** Names the organizations whose requirement holds, so the person knows who asks it of them. */
    @Override
    public Optional<Reason> reason(long userId) {
        List<String> requiring = policy.organizationsRequiringFor(callers.task("second-factor-demand"), userId);
        return requiring.isEmpty() ? Optional.empty()
                : Optional.of(new Reason(SecondFactorPolicy.NAMED_REASON_KEY, requiring));
    }
}
