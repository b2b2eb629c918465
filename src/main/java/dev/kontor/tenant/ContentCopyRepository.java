package dev.kontor.tenant;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface ContentCopyRepository extends JpaRepository<ContentCopy, Long> {

    @Query("select c.id from ContentCopy c where c.state = dev.kontor.tenant.ContentCopy.State.RUNNING order by c.id")
    List<Long> findRunning();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ContentCopy c where c.id = :id")
    Optional<ContentCopy> lockById(long id);

    boolean existsBySourceIdAndTargetIdAndWithDescendantsAndState(long sourceId, long targetId,
                                                                 boolean withDescendants, ContentCopy.State state);

    Optional<ContentCopy> findFirstByTargetIdAndStartedByAndStateOrderByIdDesc(long targetId, long startedBy,
                                                                               ContentCopy.State state);

    /**
     * Locks the run for one batch; empty while another worker (or node) holds it: skipped, not waited for (lock
     * timeout -2 is Hibernate's SKIP LOCKED), so a worker never queues up behind another on the same run.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select c from ContentCopy c where c.id = :id")
    Optional<ContentCopy> claim(long id);

    /**
     * Hands the source's settings down to a batch of tenants, touching only those that differ: the count is how many
     * settings actually changed (one statement per setting, so that each counts exactly), and a second run changes
     * nothing.
     */
    default int copySettings(List<Long> targets, String language, String zone, String sender) {
        return copyLanguage(targets, language) + copyTimeZone(targets, zone) + copySenderName(targets, sender);
    }

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE tenant SET default_language = CAST(:language AS VARCHAR(8)), version = version + 1
            WHERE organization_id IN (:targets) AND default_language IS DISTINCT FROM CAST(:language AS VARCHAR(8))
            """)
    int copyLanguage(List<Long> targets, String language);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE tenant SET time_zone = CAST(:zone AS VARCHAR(64)), version = version + 1
            WHERE organization_id IN (:targets) AND time_zone IS DISTINCT FROM CAST(:zone AS VARCHAR(64))
            """)
    int copyTimeZone(List<Long> targets, String zone);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE tenant SET sender_name = CAST(:sender AS VARCHAR(120)), version = version + 1
            WHERE organization_id IN (:targets) AND sender_name IS DISTINCT FROM CAST(:sender AS VARCHAR(120))
            """)
    int copySenderName(List<Long> targets, String sender);
}
