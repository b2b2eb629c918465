package dev.kontor.organization;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    @Query("""
            select new dev.kontor.organization.MyOrganization(o.id, o.kind, o.name, o.customerNumber, m.role)
            from Membership m join m.organization o
            where m.user.id = :userId and m.state = :state
            order by o.name, m.role
            """)
    Slice<MyOrganization> findOrganizationsOf(long userId, MembershipState state, Pageable pageable);

    @Query("select distinct m.role from Membership m where m.user.id = :userId and m.state = :state")
    List<MembershipRole> findRolesOf(long userId, MembershipState state);
}
