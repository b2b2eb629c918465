package dev.kontor.account;

import dev.kontor.base.ReadModel;
import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

@ReadModel(reads = {"Membership", "Organization", "UserAccount"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface CustomerAccountRepository extends JpaRepository<CustomerAccount, Long> {

    /** The accounts a person manages, one page, filtered by number or name; contact person joined in. */
    @Query("""
            select new dev.kontor.account.AccountRow(o.id, o.customerNumber, o.name, a.contactPersonId,
                   cp.displayName, a.contactConfirmedAt)
            from CustomerAccount a
              join Organization o on o.id = a.organizationId
              left join UserAccount cp on cp.id = a.contactPersonId
            where exists (select 1 from Membership m
                          where m.organization.id = o.id and m.user.id = :userId
                            and m.role = dev.kontor.organization.MembershipRole.MANAGER
                            and m.state = dev.kontor.organization.MembershipState.ACTIVE)
              and (lower(o.name) like :pattern escape '\\' or lower(o.customerNumber) like :pattern escape '\\')
            order by o.customerNumber
            """)
    Slice<AccountRow> findManagedBy(long userId, String pattern, Pageable pageable);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from CustomerAccount a where a.organizationId = :organizationId")
    Optional<CustomerAccount> lockById(long organizationId);

    /**
     * Claims up to {@code limit} accounts whose contact data is older than the limit and whose contact person has not
     * been asked since, locked until the end of the transaction. Rows another transaction holds (another node's
     * reminder, a manager changing the account) are skipped, not waited for (lock timeout -2 is Hibernate's SKIP
     * LOCKED), so two reminders never ask about the same account; the row lock also makes a second reminder that read
     * the account as due before the first committed see it asked, and skip it.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("""
            select a from CustomerAccount a
            where a.contactPersonId is not null
              and (a.contactConfirmedAt is null or a.contactConfirmedAt < :confirmedBefore)
              and (a.confirmationRequestedAt is null or a.confirmationRequestedAt < :confirmedBefore)
            order by a.organizationId
            """)
    List<CustomerAccount> claimDueForConfirmation(Instant confirmedBefore, Limit limit);

    /** What the reminders of these (claimed) accounts need, in one statement. */
    @Query("""
            select new dev.kontor.account.DueReminder(a.organizationId, o.name, o.customerNumber, u.email,
                   u.displayName, u.preferredLanguage)
            from CustomerAccount a
              join Organization o on o.id = a.organizationId
              join UserAccount u on u.id = a.contactPersonId
            where a.organizationId in :accountIds
            order by a.organizationId
            """)
    List<DueReminder> findReminders(Collection<Long> accountIds);

    @Modifying
    @Query("update CustomerAccount a set a.confirmationRequestedAt = :now where a.organizationId in :accountIds")
    int markConfirmationRequested(Collection<Long> accountIds, Instant now);
}
