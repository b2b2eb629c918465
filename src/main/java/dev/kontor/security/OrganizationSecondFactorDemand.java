package dev.kontor.security;

import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.user.SystemTask;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks a second factor of everyone who holds an active membership in an organization that requires one, itself or
 * through an organization above it in the tree.
 */
@Component
class OrganizationSecondFactorDemand implements SecondFactorDemand {

    private final SecondFactorPolicy policy;

    OrganizationSecondFactorDemand(SecondFactorPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<String> reasonKey(long userId) {
        // asked during sign-in, before (or while) the person is authenticated: the application asks for them
        return SystemTask.call(() -> policy.requiredFor(userId)) ? Optional.of(SecondFactorPolicy.REASON_KEY)
                : Optional.empty();
    }
}
