package dev.kontor.account;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HostedServiceRepository extends JpaRepository<HostedService, Long> {

    /** The services of a whole page of accounts in one statement. */
    @Query("""
            select s from HostedService s where s.organizationId in :accountIds and s.endedAt is null
            order by s.kind, s.name
            """)
    List<HostedService> findByAccounts(Collection<Long> accountIds);

    /** Every service of the account, ended ones too, running ones first. */
    @Query("""
            select s from HostedService s where s.organizationId = :accountId
            order by case when s.endedAt is null then 0 else 1 end, s.kind, s.name
            """)
    List<HostedService> findAllOf(long accountId);

    boolean existsByOrganizationIdAndNameIgnoreCase(long organizationId, String name);
}
