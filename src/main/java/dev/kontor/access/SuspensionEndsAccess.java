package dev.kontor.access;

import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationSuspended;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Suspending a partner ends every open access session of its people; suspending or closing a customer account ends
 * every open session in it. Each end is audited with its reason, in the transaction of the suspension.
 */
@Component
class SuspensionEndsAccess {

    private final AccessSessions sessions;

    SuspensionEndsAccess(AccessSessions sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(OrganizationSuspended event) {
        sessions.endAllWith(event.organizationId(), event.kind() == OrganizationKind.PARTNER
                ? AccessSession.EndReason.PARTNER_SUSPENDED : AccessSession.EndReason.ACCOUNT_SUSPENDED);
    }
}
