package dev.kontor.provider;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.OrganizationDirectory;
import dev.kontor.user.ApiTokenIdentity;
import dev.kontor.user.AuthenticatedUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The provider the signed-in person (or the provider's API token) administers; anyone else is refused, and the
 * refusal audited.
 */
@Component
class ProviderGuard {

    static final String PROVIDER_ADMINISTRATION_REFUSED = "PROVIDER_ADMINISTRATION_REFUSED";

    private final OrganizationDirectory directory;
    private final AuditLog auditLog;

    private final Callers callers;

    ProviderGuard(OrganizationDirectory directory, AuditLog auditLog, Callers callers) {
        this.callers = callers;
        this.directory = directory;
        this.auditLog = auditLog;
    }

    long requireProviderAdministrator(AuditSummary.Term attempted) {
        Optional<ApiTokenIdentity> token = callers.person().flatMap(AuthenticatedUser::apiToken);
        Optional<Long> provider = administeredProvider();
        if (provider.isEmpty()) {
            Long where = token.isPresent() ? Long.valueOf(token.get().organizationId())
                    : directory.providersOfMine().stream().findFirst().orElse(null);
            auditLog.recordIndependently(AuditEntry.denied(PROVIDER_ADMINISTRATION_REFUSED, where,
                    AuditSummary.of("refused-not-provider-administrator", attempted)));
            throw new AccessRefused();
        }
        return provider.get();
    }

    /**
     * The provider the caller administers, judged without auditing (for the status of a page's first answer; every
     * service call still goes through {@link #requireProviderAdministrator}).
     */
    Optional<Long> administeredProvider() {
        Optional<ApiTokenIdentity> token = callers.person().flatMap(AuthenticatedUser::apiToken);
        // a provider's token administers its provider's partners, accounts and services as its administrators do
        // (only here: the provider's staff and notices stay with persons); a partner's token administers nothing
        return token.isPresent()
                ? token.filter(ApiTokenIdentity::provider).map(ApiTokenIdentity::organizationId)
                : directory.administeredProvider();
    }

    /** Refuses (audited) an organization that is not the provider's, as if it did not exist. */
    AccessRefused notTheProviders(long providerId, AuditSummary.Term attempted) {
        auditLog.recordIndependently(AuditEntry.denied(PROVIDER_ADMINISTRATION_REFUSED, providerId,
                AuditSummary.of("refused-not-below-provider", attempted)));
        return new AccessRefused();
    }
}
