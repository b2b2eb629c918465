package dev.kontor.access;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccessPolicyRepository extends JpaRepository<AccessPolicy, Long> {

    @Query(value = "select last_notified_at from access_notice where partner_user_id = :userId and customer_id = :customerId",
            nativeQuery = true)
    Optional<Instant> lastNotice(long userId, long customerId);

    @Modifying
    @Query(value = "delete from access_notice where partner_user_id = :userId and customer_id = :customerId",
            nativeQuery = true)
    void forgetNotice(long userId, long customerId);

    @Modifying
    @Query(value = "insert into access_notice (partner_user_id, customer_id, last_notified_at) values (:userId, :customerId, :at)",
            nativeQuery = true)
    void rememberNotice(long userId, long customerId, Instant at);
}
