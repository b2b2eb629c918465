package dev.kontor.partner;

import dev.kontor.base.ReadModel;
import java.util.Collection;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The managed-customers grid's count and the partner's sent requests. The grid's page reads the customer accounts'
 * contact persons and is asked of the account feature ({@link CustomerAccountFacts#findRows}). Filtered by the keys
 * the relationship keeps of the customer's number and folded name, so that the partner's index on them serves the
 * count.
 */
@ReadModel(reads = "Organization",
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface ManagedCustomerRepository extends Repository<PartnerRelationship, Long> {

    /**
     * As many rows as {@link CustomerAccountFacts#findRows} finds, but at most {@code limit}: a partner with 100,000 customers is told
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
