package dev.kontor.tenant;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<Tenant, Long> {

    /** Serializes changes to one tenant's administrators, so that two at once never remove the last one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Tenant t where t.organizationId = :id")
    Optional<Tenant> lockById(long id);
}
