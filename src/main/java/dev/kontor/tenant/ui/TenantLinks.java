package dev.kontor.tenant.ui;

import java.util.Optional;

/** Where a tenant opens: its workspace, carrying the tab's access session along when the person works for a customer. */
final class TenantLinks {

    private TenantLinks() {
    }

    static String logIn(long tenantId, Optional<Long> accessSession) {
        return "tenant/" + tenantId + accessSession.map(id -> "?via=" + id).orElse("");
    }
}
