package dev.kontor.audit;

import java.util.Set;

/**
 * Which organizations' audit events the signed-in person may read: the provider's support reads everything; an
 * organization's managers and administrators read their own organization's. The organization feature answers.
 */
public interface AuditReadScope {

    boolean readsEverything();

    Set<Long> readableOrganizations();
}
