package dev.kontor.tenant.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.access.AccessSessions;
import dev.kontor.access.CurrentAccess;
import dev.kontor.organization.TenantStructure;
import dev.kontor.tenant.ContentCopies;
import dev.kontor.tenant.CopyProgressBroadcaster;
import dev.kontor.tenant.TenantAdministrators;
import dev.kontor.tenant.TenantService;
import dev.kontor.tenant.TenantTree;
import java.util.Optional;

/** The services the tenant views and dialogs call, handed around as one. */
@SpringComponent
public record TenantDialogServices(TenantTree tree, TenantService tenants, TenantAdministrators administrators,
                                   TenantStructure structure, ContentCopies copies,
                                   CopyProgressBroadcaster progress, AccessSessions accessSessions,
                                   dev.kontor.contact.ContactService contacts,
                                   dev.kontor.contact.ContactExport contactExport,
                                   dev.kontor.organization.SecondFactorPolicy secondFactors) {

    /** The access session this tab works in, if any, so that a tenant opened from here keeps working in it. */
    Optional<Long> accessSession() {
        return accessSessions.current().map(CurrentAccess::sessionId);
    }
}
