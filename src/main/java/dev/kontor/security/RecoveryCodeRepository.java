package dev.kontor.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

    /** Uses a code once: a second request with the same code changes nothing and so is refused. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RecoveryCode c set c.usedAt = :now where c.userId = :userId and c.codeHash = :codeHash"
            + " and c.usedAt is null")
    int use(long userId, String codeHash, Instant now);

    @Query("select count(c) from RecoveryCode c where c.userId = :userId and c.usedAt is null")
    int countUnused(long userId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RecoveryCode c where c.userId = :userId")
    int deleteAllOf(long userId);
}
