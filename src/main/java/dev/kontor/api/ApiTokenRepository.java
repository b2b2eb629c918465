package dev.kontor.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findBySecretHash(String secretHash);

    @Query("select t from ApiToken t where t.organizationId = :organizationId order by t.revokedAt nulls first, t.id desc")
    List<ApiToken> findOfOrganization(long organizationId, Pageable pageable);

    boolean existsByOrganizationIdAndName(long organizationId, String name);

    /** One statement, no version bump: "last used" is a hint, and must not make a revocation in flight stale. */
    @Modifying
    @Query(nativeQuery = true, value = """
            update api_token set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at < :notBefore)""")
    int touch(long id, Instant now, Instant notBefore);
}
