package dev.kontor.partner;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

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
