package dev.kontor.partner;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The managed-customers grid's statements: one page of rows and their count; the partner's sent requests. A closed
 * relationship shows (and is filtered and sorted by) the customer as it was when it closed, kept on the relationship;
 * an open one shows the customer as it is. Sorted and filtered by the keys the relationship keeps of the customer's
 * number and folded name, so that the partner's index on them serves a page and the count.
 */
interface ManagedCustomerRepository extends Repository<PartnerRelationship, Long> {

    @Query("""
            select new dev.kontor.partner.ManagedCustomer(r.id, o.id,
                   coalesce(r.snapshotCustomerNumber, o.customerNumber), coalesce(r.snapshotCustomerName, o.name),
                   r.state, r.grantedRights, r.requestedRights,
                   case when r.snapshotAt is null then cp.displayName else r.snapshotContactPerson end,
                   r.answeredAt, r.reviewPending,
                   case when r.snapshotAt is null then coalesce(a.paymentMethodOnFile, false)
                        else r.snapshotPaymentMethodOnFile end,
                   r.version, o.state)
            from PartnerRelationship r
              join Organization o on o.id = r.customerId
              left join CustomerAccount a on a.organizationId = o.id
              left join UserAccount cp on cp.id = a.contactPersonId
            where r.partnerId = :partnerId
              and r.state in :states
              and (:pattern = '%%' or r.customerNameKey like :nameKey escape '\\'
                   or lower(r.customerNumberKey) like :pattern escape '\\')
              and (:everyone = true or exists (select 1 from CustomerAssignment ca
                   where ca.partnerId = r.partnerId and ca.customerId = r.customerId and ca.userId = :userId))
            """)
    List<ManagedCustomer> findRows(long partnerId, Collection<RelationshipState> states, String pattern,
                                   String nameKey, boolean everyone, long userId, Pageable pageable);

    /** As {@link #findRows}, unfiltered, in the order of the relationships' ids from one on: a page of a keyset. */
    @Query("""
            select new dev.kontor.partner.ManagedCustomer(r.id, o.id,
                   coalesce(r.snapshotCustomerNumber, o.customerNumber), coalesce(r.snapshotCustomerName, o.name),
                   r.state, r.grantedRights, r.requestedRights,
                   case when r.snapshotAt is null then cp.displayName else r.snapshotContactPerson end,
                   r.answeredAt, r.reviewPending,
                   case when r.snapshotAt is null then coalesce(a.paymentMethodOnFile, false)
                        else r.snapshotPaymentMethodOnFile end,
                   r.version, o.state)
            from PartnerRelationship r
              join Organization o on o.id = r.customerId
              left join CustomerAccount a on a.organizationId = o.id
              left join UserAccount cp on cp.id = a.contactPersonId
            where r.partnerId = :partnerId
              and r.state in :states
              and r.id > :afterId
              and (:everyone = true or exists (select 1 from CustomerAssignment ca
                   where ca.partnerId = r.partnerId and ca.customerId = r.customerId and ca.userId = :userId))
            order by r.id
            """)
    List<ManagedCustomer> findRowsAfter(long partnerId, Collection<RelationshipState> states, boolean everyone,
                                        long userId, long afterId, Limit limit);

    /**
     * As many rows as {@link #findRows} finds, but at most {@code limit}: a partner with 100,000 customers is told
     * "more than 10,000" without reading them all, the index range stopping at the limit.
     */
    @Query(nativeQuery = true, value = """
            SELECT COUNT(*) FROM (SELECT 1 FROM partner_relationship r
            WHERE r.partner_id = :partnerId
              AND r.state IN (:states)
              AND (:pattern = '%%' OR r.customer_name_key LIKE :nameKey ESCAPE '\\'
                   OR LOWER(r.customer_number_key) LIKE :pattern ESCAPE '\\')
              AND (:everyone = TRUE OR EXISTS (SELECT 1 FROM customer_assignment ca
                   WHERE ca.partner_id = r.partner_id AND ca.customer_id = r.customer_id AND ca.user_id = :userId))
            LIMIT :limit) counted
            """)
    long countRowsUpTo(long partnerId, Collection<String> states, String pattern, String nameKey, boolean everyone,
                       long userId, int limit);

    @Query("""
            select new dev.kontor.partner.SentRequest(r.id, coalesce(r.snapshotCustomerNumber, o.customerNumber),
                   coalesce(r.snapshotCustomerName, o.name), r.requestEmail, r.state,
                   r.requestedRights, r.requestedAt, r.requestExpiresAt, r.answeredAt, r.requestMailedAt)
            from PartnerRelationship r join Organization o on o.id = r.customerId
            where r.partnerId = :partnerId and r.state in :states
            """)
    Slice<SentRequest> findSentRequests(long partnerId, Collection<RelationshipState> states, Pageable pageable);

    @Query("select count(r) from PartnerRelationship r where r.partnerId = :partnerId")
    long countSentRequests(long partnerId);
}
