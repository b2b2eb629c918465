package dev.kontor.audit;

import dev.kontor.base.AskedOnlyBy;

/**
 * Whether the signed-in person (or API token) stands outside an organization right now: no membership in it in any
 * state, no right in it from above, from an access session or from a partnership, and no token of it. Asked when a
 * refusal is written, because memberships and partnerships change later; the organization feature answers. It tells
 * of the caller's own standing only, yet it checks no right, so only the audit log asks it.
 */
@AskedOnlyBy(AuditLog.class)
public interface AuditActorStanding {

    boolean outside(long organizationId);
}
