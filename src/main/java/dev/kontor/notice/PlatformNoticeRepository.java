package dev.kontor.notice;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface PlatformNoticeRepository extends JpaRepository<PlatformNotice, Long> {

    /** The notices to work on now: not yet sent, and not waiting for their next try after a failed batch. */
    @Query("""
            select n.id from PlatformNotice n where n.state <> dev.kontor.notice.NoticeState.SENT
            and (n.retryAt is null or n.retryAt <= :now) order by n.id""")
    List<Long> findDue(Instant now);

    /**
     * Locks the notice for one batch. A notice another worker (or application instance) is on is skipped, not
     * waited for (lock timeout -2 is Hibernate's SKIP LOCKED), so no two workers ever mail the same batch.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select n from PlatformNotice n where n.id = :id")
    Optional<PlatformNotice> claim(long id);

    /** Newest first; the identity grows with every notice, and the provider's index serves the order. */
    @Query("select n from PlatformNotice n where n.providerId = :providerId order by n.id desc")
    List<PlatformNotice> findRecent(long providerId, Pageable pageable);
}
