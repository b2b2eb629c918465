package dev.kontor.access;

import dev.kontor.base.ReadModel;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

@ReadModel(reads = "organization",
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface AccessSessionRepository extends JpaRepository<AccessSession, Long> {

    @Query("select s from AccessSession s where s.userId = :userId and s.endedAt is null")
    List<AccessSession> findOpenOf(long userId);

    /** The open sessions last used before {@code idleSince}, by id, oldest first. */
    @Query("select s.id from AccessSession s where s.endedAt is null and s.lastActivityAt < :idleSince order by s.id")
    List<Long> findOpenIdleSince(java.time.Instant idleSince);

    /** The open sessions of a partner's people or in a customer account. */
    @Query("""
            select s from AccessSession s
            where (s.partnerId = :organizationId or s.customerId = :organizationId) and s.endedAt is null
            """)
    List<AccessSession> findOpenWith(long organizationId);

    /**
     * Notes activity in an open session that has not idled out yet, at most once per resolution, in one statement
     * (the version stays: a concurrent end must not fail because the person clicked).
     */
    @Modifying
    @Query("""
            update AccessSession s set s.lastActivityAt = :now
            where s.id = :id and s.endedAt is null and s.lastActivityAt < :notBefore
              and s.lastActivityAt >= :idleSince
            """)
    int noteActivity(long id, Instant now, Instant notBefore, Instant idleSince);

    /** Locks an organization's row (see {@link AccessSessions#start}); empty for an id that names none. */
    @Query(value = "SELECT id FROM organization WHERE id = :organizationId FOR UPDATE", nativeQuery = true)
    java.util.Optional<Long> lockOrganization(long organizationId);

    /** Locks an organization's row and answers its state (ACTIVE, SUSPENDED or CLOSED). */
    @Query(value = "SELECT state FROM organization WHERE id = :organizationId FOR UPDATE", nativeQuery = true)
    java.util.Optional<String> lockOrganizationState(long organizationId);
}
