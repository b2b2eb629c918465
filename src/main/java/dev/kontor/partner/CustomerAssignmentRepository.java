package dev.kontor.partner;

import dev.kontor.base.ReadModel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

@ReadModel(reads = "UserAccount",
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface CustomerAssignmentRepository extends JpaRepository<CustomerAssignment, Long> {

    Optional<CustomerAssignment> findByPartnerIdAndCustomerIdAndUserId(long partnerId, long customerId, long userId);

    boolean existsByPartnerIdAndCustomerIdAndUserId(long partnerId, long customerId, long userId);

    @Query("""
            select new dev.kontor.partner.Assignee(a.customerId, u.id, u.displayName)
            from CustomerAssignment a join UserAccount u on u.id = a.userId
            where a.partnerId = :partnerId and a.customerId in :customerIds
            order by u.displayName
            """)
    List<Assignee> findAssignees(long partnerId, Collection<Long> customerIds);
}
