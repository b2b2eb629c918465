package dev.kontor.audit;

import java.util.Set;

/**
 * Which organizations' audit events the signed-in person may read: the provider's support reads everything; an
 * organization's managers and administrators read their own organization's. The organization feature answers.
 */
public interface AuditReadScope {

    boolean readsEverything();

    Set<Long> readableOrganizations();

    /**
     * Whether the reader is told who an outsider was whose refusal an organization's log holds, and reads every such
     * refusal rather than one per window: the provider's staff (support, provider administrators and the provider's
     * tokens), who answer for the whole platform. An organization's own readers are told only that someone outside
     * tried.
     */
    boolean seesOutsiders();
}
