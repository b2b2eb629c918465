package dev.kontor.invitation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.tokenHash = :tokenHash")
    Optional<Invitation> lockByTokenHash(String tokenHash);

    @Query("select i from Invitation i where i.membershipId = :membershipId and i.acceptedAt is null and i.revokedAt is null")
    List<Invitation> findOpenFor(long membershipId);

    @Query("select max(i.expiresAt) from Invitation i where i.purpose = :purpose and i.acceptedAt is null "
            + "and i.revokedAt is null and i.expiresAt > :now")
    Optional<Instant> latestOpenUntil(InvitationPurpose purpose, Instant now);
}
