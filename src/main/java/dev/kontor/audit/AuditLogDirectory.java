package dev.kontor.audit;

import dev.kontor.base.AskedOnlyBy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;

/**
 * What reading the audit log needs of the organizations and people its events name, answered by the organization
 * feature: the organization feature records its changes here, so the audit feature never reads the organization's
 * or the users' tables itself (that would be a dependency cycle that Spring Modulith cannot see). Each method is one
 * statement, however many rows a page has.
 */
@AskedOnlyBy({AuditQueries.class, AuditNameLookup.class})
public interface AuditLogDirectory {

    /**
     * One page of the audit log, newest first, limited to what the reader may see; only events older than
     * {@code beforeId}. {@code actor}, {@code organization} are LIKE patterns ({@code %%} for any), {@code actorKey}
     * the actor pattern folded as people's search keys are; {@code kind} is exact or empty for any. Without
     * {@code outsiders}, a refusal of someone outside the organization is found only as the first of its window, and
     * never by who tried (the reader is not told who, so a filter must not tell them either).
     */
    List<AuditRow> findRows(Instant from, Instant to, long beforeId, boolean everything, boolean outsiders,
                            Collection<Long> organizations, String actor, String actorKey, String organization,
                            String kind, Pageable pageable);

    /** As many events as {@link #findRows} finds without its cursor. */
    long countRows(Instant from, Instant to, boolean everything, boolean outsiders, Collection<Long> organizations,
                   String actor, String actorKey, String organization, String kind);

    /**
     * The kinds of the events an organization's reader finds (see {@link #findRows}) in these organizations, at any
     * time: what their filter may offer.
     */
    List<String> findKinds(boolean outsiders, Collection<Long> organizations);

    /**
     * The users with their e-mail address and own name, each with their memberships (any state) in the given
     * organizations: one line per membership, or one with no organization for a user without one there.
     */
    List<PersonLine> people(Collection<Long> userIds, Collection<Long> organizationIds);

    List<OrganizationLine> organizations(Collection<Long> ids);

    /** {@code organizationId}, {@code membershipState} and {@code invitedName} are null without a membership. */
    record PersonLine(long userId, String email, String displayName, Long organizationId, String membershipState,
                      String invitedName) {
    }

    record OrganizationLine(long id, String name, String customerNumber) {
    }
}
