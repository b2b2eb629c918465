package dev.kontor.partner;

import dev.kontor.base.ReadModel;
import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

@ReadModel(reads = {"Membership", "Organization", "membership"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface PartnerRelationshipRepository extends JpaRepository<PartnerRelationship, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PartnerRelationship r where r.id = :id")
    Optional<PartnerRelationship> lockById(long id);

    /**
     * Locks the partner's own row until the transaction ends, so that a partner's relationship requests queue behind
     * each other: the day's mismatch count is read and added to, and a customer's open request looked for and made,
     * by one request at a time, across nodes too ({@code for no key update} on PostgreSQL, so that rows referring to
     * the partner can still be written meanwhile).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Organization o where o.id = :partnerId")
    Optional<dev.kontor.organization.Organization> lockPartner(long partnerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PartnerRelationship r where r.requestTokenHash = :tokenHash")
    Optional<PartnerRelationship> lockByTokenHash(String tokenHash);

    Optional<PartnerRelationship> findByRequestTokenHash(String tokenHash);

    @Query("""
            select r from PartnerRelationship r
            where r.partnerId = :partnerId and r.customerId = :customerId
              and r.state in (dev.kontor.partner.RelationshipState.REQUESTED, dev.kontor.partner.RelationshipState.ACTIVE)
            """)
    Optional<PartnerRelationship> findOpen(long partnerId, long customerId);

    /**
     * When Kontor last e-mailed a request of this partner to this customer, whichever relationship it belonged to (a
     * withdrawn request does not reset the day).
     */
    @Query("""
            select max(r.requestMailedAt) from PartnerRelationship r
            where r.partnerId = :partnerId and r.customerId = :customerId
            """)
    Instant lastMailed(long partnerId, long customerId);

    /** The active relationship holding ADMIN for a customer, if any. */
    @Query("select r from PartnerRelationship r where r.adminCustomerId = :customerId")
    Optional<PartnerRelationship> findAdminHolder(long customerId);

    /**
     * Claims up to {@code limit} unanswered requests past their expiry, locked until the end of the transaction. Rows
     * another transaction holds (another node's expiry, a customer answering right now) are skipped, not waited for
     * (lock timeout -2 is Hibernate's SKIP LOCKED), and looked at again in the next run.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("""
            select r from PartnerRelationship r
            where r.state = dev.kontor.partner.RelationshipState.REQUESTED and r.requestExpiresAt < :now
            order by r.id
            """)
    List<PartnerRelationship> claimExpiredRequests(Instant now, Limit limit);

    @Query("""
            select r from PartnerRelationship r
            where r.state = dev.kontor.partner.RelationshipState.ACTIVE and r.customerId = :customerId
            order by r.answeredAt
            """)
    List<PartnerRelationship> findActiveOf(long customerId);

    /**
     * The relationship's state and rights with the person's active roles in its partner (leads: legal representative
     * or administrator) and their assignments to its customer: one statement however many there are.
     */
    @Query("""
            select new dev.kontor.partner.StandingRow(r.partnerId, r.customerId, r.state, r.grantedRights,
                   (select count(m) from Membership m
                    where m.user.id = :userId and m.organization.id = r.partnerId
                      and m.state = dev.kontor.organization.MembershipState.ACTIVE
                      and m.organization.state = dev.kontor.organization.OrganizationState.ACTIVE
                      and m.role in (dev.kontor.organization.MembershipRole.LEGAL_REPRESENTATIVE,
                                     dev.kontor.organization.MembershipRole.PARTNER_ADMINISTRATOR)),
                   (select count(m) from Membership m
                    where m.user.id = :userId and m.organization.id = r.partnerId
                      and m.state = dev.kontor.organization.MembershipState.ACTIVE
                      and m.organization.state = dev.kontor.organization.OrganizationState.ACTIVE
                      and m.role = dev.kontor.organization.MembershipRole.PARTNER_EMPLOYEE),
                   (select count(a) from CustomerAssignment a
                    where a.partnerId = r.partnerId and a.customerId = r.customerId and a.userId = :userId))
            from PartnerRelationship r where r.id = :relationshipId
            """)
    Optional<StandingRow> findStanding(long relationshipId, long userId);

    /** The active managers of a customer, to tell them about their partners. */
    @Query("""
            select new dev.kontor.partner.Recipient(u.email, u.displayName)
            from Membership m join m.user u
            where m.organization.id = :customerId
              and m.role = dev.kontor.organization.MembershipRole.MANAGER
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            order by u.email
            """)
    List<Recipient> findCustomerManagers(long customerId);

    /** Whether the address belongs to an active manager of the customer. */
    @Query("""
            select count(m) > 0 from Membership m join m.user u
            where m.organization.id = :customerId and u.email = :email
              and m.role = dev.kontor.organization.MembershipRole.MANAGER
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            """)
    boolean isActiveManager(long customerId, String email);

    @Query("select o.id from Organization o where o.customerNumber = :customerNumber")
    Long customerIdOf(String customerNumber);

    @Query("select o.customerNumber from Organization o where o.id = :organizationId")
    String customerNumberOf(long organizationId);

    /** The customer's number and name key as a new relationship records them. */
    @Query("""
            select new dev.kontor.partner.CustomerKeys(o.id, coalesce(o.customerNumber, ''), o.searchKey)
            from Organization o where o.id = :customerId
            """)
    CustomerKeys customerKeys(long customerId);

    /**
     * A renamed customer's new name key on its open relationships; a closed one keeps the name it had when it closed,
     * as its snapshot does.
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "UPDATE partner_relationship SET customer_name_key = :nameKey "
            + "WHERE customer_id = :customerId AND snapshot_at IS NULL")
    int renameCustomer(long customerId, String nameKey);

    /** The partner's name, for texts. */
    @Query("select o.name from Organization o where o.id = :organizationId")
    String nameOf(long organizationId);

    /**
     * The rights granted by the customer to each partner in which the person is a legal representative or
     * administrator, where the relationship lets the partner manage the customer's tenants.
     */
    @Query(nativeQuery = true, value = """
            select r.granted_rights from partner_relationship r
            join membership m on m.organization_id = r.partner_id
            where r.tenants_customer_id = :customerId and m.user_id = :userId and m.state = 'ACTIVE'
              and m.role in ('LEGAL_REPRESENTATIVE', 'PARTNER_ADMINISTRATOR')
            """)
    List<String> rightsForTenantsOf(long customerId, long userId);

    /** The partners through which the person manages the customer's tenants (as {@link #rightsForTenantsOf}). */
    @Query(nativeQuery = true, value = """
            select r.partner_id from partner_relationship r
            join membership m on m.organization_id = r.partner_id
            where r.tenants_customer_id = :customerId and m.user_id = :userId and m.state = 'ACTIVE'
              and m.role in ('LEGAL_REPRESENTATIVE', 'PARTNER_ADMINISTRATOR')
            """)
    List<Long> partnersManagingTenantsOf(long customerId, long userId);
}
