package dev.kontor.user;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UserAccount u set u.failedSignIns = u.failedSignIns + 1 where u.email = :email")
    int countFailedSignIn(String email);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UserAccount u set u.lockedUntil = :until where u.email = :email")
    int lockUntil(String email, Instant until);
}
