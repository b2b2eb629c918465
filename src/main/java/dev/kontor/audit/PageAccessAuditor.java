package dev.kontor.audit;

import dev.kontor.base.PageAccessDenied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every page that was refused to a signed-in person (rule 8: denied attempts are audited). */
@Component
class PageAccessAuditor {

    static final String PAGE_ACCESS_DENIED = "PAGE_ACCESS_DENIED";

    private final AuditLog auditLog;

    PageAccessAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(PageAccessDenied event) {
        auditLog.recordIndependently(AuditEntry.denied(PAGE_ACCESS_DENIED, null,
                AuditSummary.of("page-access-denied", event.path())));
    }
}
