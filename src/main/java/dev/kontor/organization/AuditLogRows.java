package dev.kontor.organization;

import dev.kontor.audit.AuditRow;
import dev.kontor.base.ReadModel;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The audit log's page and count statements, filtered by the organization's name or number and by the actor's name
 * in the same statement: a read model over the audit feature's events, kept here because the organization feature
 * depends on the audit feature (see {@link OrganizationAuditLogDirectory}).
 */
@ReadModel(reads = {"AuditEvent", "UserAccount"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface AuditLogRows extends Repository<Organization, Long> {

    /**
     * One page of the audit log, newest first, limited to what the reader may see; only events older than
     * {@code beforeId}, so that a client walking the log by cursor neither skips nor repeats one. Who acted is found
     * by the address they acted with or by the name the log shows for them (folded, as the person's search key is,
     * whose trigram index finds the people first on PostgreSQL; no join, so that a count reads only the events).
     * Without an organization filter an event needs an organization, as it did when the empty filter was matched
     * against the organization's name (sign-ins show nowhere); said without the join, so that the planner drops it.
     * A reader without {@code outsiders} (an organization's own) reads a stranger's refusal only as the first of its
     * window, and cannot find one by who tried: the row will not say who, so the filter must not either.
     */
    @Query("""
            select new dev.kontor.audit.AuditRow(e.id, e.occurredAt, e.kind, e.outcome, e.actorEmail, e.actorUserId,
                   b.name,
                   e.organizationId, o.name, o.customerNumber, e.summary, e.summaryKey, e.summaryArgs, e.oldValue,
                   e.newValue, e.remoteAddress, e.actorOutside)
            from AuditEvent e
              left join Organization o on o.id = e.organizationId
              left join Organization b on b.id = e.onBehalfOfId
            where e.occurredAt >= :from and e.occurredAt < :to
              and e.id < :beforeId
              and (:everything = true or e.organizationId in :organizations)
              and (:outsiders = true or e.actorOutside = false or e.outsiderWindow is not null)
              and (:actor = '%%' or ((:outsiders = true or e.actorOutside = false)
                   and (lower(coalesce(e.actorEmail, '')) like :actor escape '\\'
                   or e.actorUserId in (select u.id from UserAccount u where u.searchKey like :actorKey escape '\\'))))
              and ((:organization = '%%' and e.organizationId is not null)
                   or (:organization <> '%%' and (lower(o.name) like :organization escape '\\'
                       or lower(o.customerNumber) like :organization escape '\\')))
              and (:kind = '' or e.kind = :kind)
            order by e.id desc
            """)
    List<AuditRow> findRows(Instant from, Instant to, long beforeId, boolean everything, boolean outsiders,
                            Collection<Long> organizations, String actor, String actorKey, String organization,
                            String kind, Pageable pageable);

    @Query("""
            select count(e) from AuditEvent e
              left join Organization o on o.id = e.organizationId
            where e.occurredAt >= :from and e.occurredAt < :to
              and (:everything = true or e.organizationId in :organizations)
              and (:outsiders = true or e.actorOutside = false or e.outsiderWindow is not null)
              and (:actor = '%%' or ((:outsiders = true or e.actorOutside = false)
                   and (lower(coalesce(e.actorEmail, '')) like :actor escape '\\'
                   or e.actorUserId in (select u.id from UserAccount u where u.searchKey like :actorKey escape '\\'))))
              and ((:organization = '%%' and e.organizationId is not null)
                   or (:organization <> '%%' and (lower(o.name) like :organization escape '\\'
                       or lower(o.customerNumber) like :organization escape '\\')))
              and (:kind = '' or e.kind = :kind)
            """)
    long countRows(Instant from, Instant to, boolean everything, boolean outsiders, Collection<Long> organizations,
                   String actor, String actorKey, String organization, String kind);

    /** The kinds of the events {@link #findRows} finds for an organization's reader, whatever the other filters. */
    @Query("""
            select distinct e.kind from AuditEvent e
            where e.organizationId in :organizations
              and (:outsiders = true or e.actorOutside = false or e.outsiderWindow is not null)
            """)
    List<String> findKinds(boolean outsiders, Collection<Long> organizations);
}
