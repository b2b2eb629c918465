package dev.kontor.account;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HostedServiceRepository extends JpaRepository<HostedService, Long> {

    /** The services of a whole page of accounts in one statement. */
    @Query("select s from HostedService s where s.organizationId in :accountIds order by s.kind, s.name")
    List<HostedService> findByAccounts(Collection<Long> accountIds);
}
