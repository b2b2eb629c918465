package dev.kontor.partner;

import dev.kontor.base.ReadModel;
import dev.kontor.organization.OrganizationSummary;
import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

/**
 * The queries of the customer's side: answering requests, the account's partners, the access review. Each method is
 * one statement. The review queries read the contact person from the customer account's row (owned by the account
 * feature) in the same statement, so that a batch of any size costs one query.
 */
@ReadModel(reads = {"Membership", "Organization", "UserAccount"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface CustomerSideRepository extends Repository<PartnerRelationship, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PartnerRelationship r where r.requestTokenHash = :tokenHash")
    Optional<PartnerRelationship> lockByTokenHash(String tokenHash);

    @Query("select r from PartnerRelationship r where r.requestTokenHash = :tokenHash")
    Optional<PartnerRelationship> findByTokenHash(String tokenHash);

    /** The relationship, locked, but only when it belongs to this customer: a forged id finds nothing. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PartnerRelationship r where r.id = :relationshipId and r.customerId = :customerId")
    Optional<PartnerRelationship> lockInCustomer(long relationshipId, long customerId);

    @Query("""
            select r.requestTokenHash from PartnerRelationship r
            where r.id = :relationshipId and r.requestTokenHash is not null
            """)
    Optional<String> findTokenHash(long relationshipId);

    @Query("select r.customerId from PartnerRelationship r where r.id = :relationshipId")
    Optional<Long> findCustomerId(long relationshipId);

    /** The customer's active partners first, then the ended partnerships, newest first. */
    @Query("""
            select new dev.kontor.partner.RelationshipWithPartner(r, p.name)
            from PartnerRelationship r join Organization p on p.id = r.partnerId
            where r.customerId = :customerId
              and (r.state in (dev.kontor.partner.RelationshipState.ACTIVE,
                               dev.kontor.partner.RelationshipState.TERMINATED)
                   or (r.state = dev.kontor.partner.RelationshipState.REVOKED and r.answeredAt is not null))
            order by case when r.state = dev.kontor.partner.RelationshipState.ACTIVE then 0 else 1 end,
                     coalesce(r.endedAt, r.answeredAt) desc, r.id desc
            """)
    List<RelationshipWithPartner> findPartnersOf(long customerId);

    @Query("""
            select new dev.kontor.partner.RelationshipWithPartner(r, p.name)
            from PartnerRelationship r join Organization p on p.id = r.partnerId
            where r.customerId = :customerId and r.state = dev.kontor.partner.RelationshipState.REQUESTED
              and r.requestExpiresAt > :now
            order by r.requestedAt desc, r.id desc
            """)
    List<RelationshipWithPartner> findOpenRequestsTo(long customerId, Instant now);

    @Query("""
            select new dev.kontor.organization.OrganizationSummary(o.id, o.kind, o.name, o.customerNumber)
            from Organization o where o.id in :organizationIds
            """)
    List<OrganizationSummary> findSummaries(Collection<Long> organizationIds);

    /** The name of the partner that holds ADMIN for the customer, other than the given relationship. */
    @Query("""
            select p.name from PartnerRelationship r join Organization p on p.id = r.partnerId
            where r.adminCustomerId = :customerId and r.id <> :exceptRelationshipId
            """)
    Optional<String> findAdminHolderName(long customerId, long exceptRelationshipId);

    @Query("""
            select case when count(m) > 0 then true else false end from Membership m
            where m.user.id = :userId and m.organization.id = :customerId
              and m.role = dev.kontor.organization.MembershipRole.MANAGER
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            """)
    boolean isActiveManager(long userId, long customerId);

    /** Whether the person belongs to the organization (a partner, say) in any role and state. */
    @Query("""
            select case when count(m) > 0 then true else false end from Membership m
            where m.user.id = :userId and m.organization.id = :organizationId
            """)
    boolean belongsTo(long userId, long organizationId);

    /** Whether the person belongs to a partner that works for the customer or asks to (any role and state). */
    @Query("""
            select case when count(m) > 0 then true else false end from Membership m, PartnerRelationship r
            where m.user.id = :userId and m.organization.id = r.partnerId and r.customerId = :customerId
              and r.state in (dev.kontor.partner.RelationshipState.ACTIVE, dev.kontor.partner.RelationshipState.REQUESTED)
            """)
    boolean belongsToAPartnerOf(long userId, long customerId);

    /** The names of the partners of the customer the person belongs to (those that work for it or ask to). */
    @Query("""
            select o.name from Membership m, PartnerRelationship r, Organization o
            where m.user.id = :userId and m.organization.id = r.partnerId and r.customerId = :customerId
              and o.id = r.partnerId
              and r.state in (dev.kontor.partner.RelationshipState.ACTIVE, dev.kontor.partner.RelationshipState.REQUESTED)
            order by o.name
            """)
    List<String> namesOfOwnPartnersOf(long userId, long customerId);

    /**
     * The person a request was sent to, and their invited manager membership of the customer if they have one. A
     * membership that a partner asked for is not one: accepting a partner's request never stands in for the customer's
     * approval of it.
     */
    @Query("""
            select new dev.kontor.partner.Addressee(u.id,
                   (select m.id from Membership m
                    where m.user.id = u.id and m.organization.id = :customerId
                      and m.role = dev.kontor.organization.MembershipRole.MANAGER
                      and m.state = dev.kontor.organization.MembershipState.INVITED
                      and m.invitedByPartnerId is null))
            from UserAccount u where u.email = :email
            """)
    Optional<Addressee> findAddressee(String email, long customerId);

    /**
     * Claims up to {@code limit} active relationships whose rights were last confirmed before the limit and whose
     * customer was not asked yet, locked until the end of the transaction. Rows another transaction holds (another
     * node's review, a manager confirming right now) are skipped, not waited for (lock timeout -2 is Hibernate's SKIP
     * LOCKED), so that two reviews never ask about the same relationship.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("""
            select r from PartnerRelationship r
            where r.state = dev.kontor.partner.RelationshipState.ACTIVE and r.rightsReviewRequestedAt is null
              and r.rightsConfirmedAt < :confirmedBefore
            order by r.id
            """)
    List<PartnerRelationship> claimDueForReview(Instant confirmedBefore, Limit limit);

    /** Notes that the customer was asked; only rows that are still due, so a confirmation meanwhile wins. */
    @Modifying(flushAutomatically = true)
    @Query("""
            update PartnerRelationship r set r.rightsReviewRequestedAt = :now, r.version = r.version + 1
            where r.id in :relationshipIds and r.state = dev.kontor.partner.RelationshipState.ACTIVE
              and r.rightsReviewRequestedAt is null and r.rightsConfirmedAt < :confirmedBefore
            """)
    int markReviewRequested(Collection<Long> relationshipIds, Instant now, Instant confirmedBefore);

    /**
     * Active relationships whose customer was asked before the limit and has not answered, locked; rows another
     * transaction holds (a manager confirming right now) are skipped and looked at in the next run.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("""
            select r from PartnerRelationship r
            where r.state = dev.kontor.partner.RelationshipState.ACTIVE and r.rightsReviewRequestedAt < :askedBefore
            order by r.id
            """)
    List<PartnerRelationship> claimUnansweredReviews(Instant askedBefore, Limit limit);

    /**
     * Who hears from the customer's side, per relationship: its requester while they are still active in the partner
     * (flagged), and the partner's active legal representatives.
     */
    @Query("""
            select new dev.kontor.partner.NotifiedPerson(r.id, u.id, u.email, u.displayName,
                   u.preferredLanguage, case when u.id = r.requestedBy then true else false end)
            from PartnerRelationship r
              join Membership m on m.organization.id = r.partnerId
              join m.user u
            where r.id in :relationshipIds and m.state = dev.kontor.organization.MembershipState.ACTIVE
              and (m.role = dev.kontor.organization.MembershipRole.LEGAL_REPRESENTATIVE or u.id = r.requestedBy)
            order by r.id, u.id
            """)
    List<NotifiedPerson> findPartnerRecipients(Collection<Long> relationshipIds);

    /** The customer's active managers, who hear of every decision on its partners (the one who took it aside). */
    @Query("""
            select new dev.kontor.partner.NotifiedPerson(m.organization.id, u.id, u.email, u.displayName,
                   u.preferredLanguage, false)
            from Membership m join m.user u
            where m.organization.id = :customerId
              and m.role = dev.kontor.organization.MembershipRole.MANAGER
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            order by u.id
            """)
    List<NotifiedPerson> findActiveManagers(long customerId);
}
