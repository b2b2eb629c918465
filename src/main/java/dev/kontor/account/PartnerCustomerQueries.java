package dev.kontor.account;

import dev.kontor.base.ReadModel;
import dev.kontor.partner.CustomerSnapshot;
import dev.kontor.partner.DueReview;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.NotifiedPerson;
import dev.kontor.partner.RelationshipState;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The partner feature's statements that read customer accounts beside relationships: the managed-customers grid
 * (one statement per page, sorted and filtered by the keys the relationship keeps of the customer's number and folded
 * name, so that the partner's index on them serves it), the access review's batch and the snapshots kept when a
 * relationship closes. A read model over the partner feature's tables, kept here because this feature depends on the
 * partner feature (see {@link PartnerCustomerFacts}).
 */
@ReadModel(reads = {"PartnerRelationship", "CustomerAssignment", "Organization", "UserAccount"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface PartnerCustomerQueries extends Repository<CustomerAccount, Long> {

    /** The grid's row of a relationship, with the customer as it is now or as it was when the partnership closed. */
    String MANAGED_CUSTOMER_ROWS = """
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
            """;

    @Query(MANAGED_CUSTOMER_ROWS + """
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
    @Query(MANAGED_CUSTOMER_ROWS + """
            where r.partnerId = :partnerId
              and r.state in :states
              and r.id > :afterId
              and (:everyone = true or exists (select 1 from CustomerAssignment ca
                   where ca.partnerId = r.partnerId and ca.customerId = r.customerId and ca.userId = :userId))
            order by r.id
            """)
    List<ManagedCustomer> findRowsAfter(long partnerId, Collection<RelationshipState> states, boolean everyone,
                                        long userId, long afterId, Limit limit);


    /** The claimed relationships with everything their review e-mails need; the contact person may be missing. */
    @Query("""
            select new dev.kontor.partner.DueReview(r, c.name, c.customerNumber, p.name, u.id, u.email, u.displayName,
                   u.preferredLanguage)
            from PartnerRelationship r
              join Organization c on c.id = r.customerId
              join Organization p on p.id = r.partnerId
              left join CustomerAccount a on a.organizationId = r.customerId
              left join UserAccount u on u.id = a.contactPersonId
            where r.id in :relationshipIds
            order by r.id
            """)
    List<DueReview> findDueReviews(Collection<Long> relationshipIds);


    @Query("""
            select new dev.kontor.partner.NotifiedPerson(a.organizationId, u.id, u.email, u.displayName,
                   u.preferredLanguage, false)
            from CustomerAccount a join UserAccount u on u.id = a.contactPersonId
            where a.organizationId in :customerIds
            """)
    List<NotifiedPerson> findContactPersons(Collection<Long> customerIds);


    /** The customers as their partners' lists show them now, for relationships about to close. */
    @Query("""
            select new dev.kontor.partner.CustomerSnapshot(o.id, o.name, o.customerNumber, cp.displayName,
                   coalesce(a.paymentMethodOnFile, false))
            from Organization o
              left join CustomerAccount a on a.organizationId = o.id
              left join UserAccount cp on cp.id = a.contactPersonId
            where o.id in :customerIds
            """)
    List<CustomerSnapshot> findSnapshots(Collection<Long> customerIds);
}
