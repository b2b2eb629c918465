package dev.kontor.partner;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The managed-customers grid's two statements: one page of rows and their count. */
interface ManagedCustomerRepository extends Repository<PartnerRelationship, Long> {

    @Query(value = """
            select new dev.kontor.partner.ManagedCustomer(r.id, o.id, o.customerNumber, o.name, r.state,
                   r.grantedRights, r.requestedRights, cp.displayName, r.answeredAt, r.reviewPending,
                   coalesce(a.paymentMethodOnFile, false), r.version)
            from PartnerRelationship r
              join Organization o on o.id = r.customerId
              left join CustomerAccount a on a.organizationId = o.id
              left join UserAccount cp on cp.id = a.contactPersonId
            where r.partnerId = :partnerId
              and r.state in :states
              and (lower(o.name) like :pattern escape '\\' or lower(o.customerNumber) like :pattern escape '\\')
              and (:everyone = true or exists (select 1 from CustomerAssignment ca
                   where ca.partnerId = r.partnerId and ca.customerId = r.customerId and ca.userId = :userId))
            """,
            countQuery = """
            select count(r) from PartnerRelationship r
              join Organization o on o.id = r.customerId
            where r.partnerId = :partnerId
              and r.state in :states
              and (lower(o.name) like :pattern escape '\\' or lower(o.customerNumber) like :pattern escape '\\')
              and (:everyone = true or exists (select 1 from CustomerAssignment ca
                   where ca.partnerId = r.partnerId and ca.customerId = r.customerId and ca.userId = :userId))
            """)
    Page<ManagedCustomer> findPage(long partnerId, Collection<RelationshipState> states, String pattern,
                                   boolean everyone, long userId, Pageable pageable);

    @Query(value = """
            select new dev.kontor.partner.SentRequest(r.id, o.customerNumber, o.name, r.requestEmail, r.state,
                   r.requestedRights, r.requestedAt, r.requestExpiresAt, r.answeredAt)
            from PartnerRelationship r join Organization o on o.id = r.customerId
            where r.partnerId = :partnerId and r.state in :states
            """,
            countQuery = """
            select count(r) from PartnerRelationship r where r.partnerId = :partnerId and r.state in :states
            """)
    Page<SentRequest> findSentRequests(long partnerId, Collection<RelationshipState> states, Pageable pageable);
}
