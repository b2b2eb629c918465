package dev.kontor.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RememberedBrowserRepository extends JpaRepository<RememberedBrowser, Long> {

    @Query("select count(b) > 0 from RememberedBrowser b where b.userId = :userId and b.tokenHash = :tokenHash"
            + " and b.expiresAt > :now")
    boolean remembers(long userId, String tokenHash, Instant now);

    @Query("select b from RememberedBrowser b where b.userId = :userId and b.expiresAt > :now order by b.createdAt")
    List<RememberedBrowser> activeOf(long userId, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RememberedBrowser b where b.userId = :userId")
    int forgetAllOf(long userId);
}
