package dev.kontor.security;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SignInUnlockRepository extends JpaRepository<SignInUnlock, Long> {

    Optional<SignInUnlock> findByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from SignInUnlock u where u.tokenHash = :tokenHash")
    Optional<SignInUnlock> lockByTokenHash(String tokenHash);

    boolean existsByUserIdAndCreatedAtAfter(long userId, Instant after);
}
