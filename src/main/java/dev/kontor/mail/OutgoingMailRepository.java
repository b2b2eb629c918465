package dev.kontor.mail;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

/** The outbox keeps every mail: it can add, read and (through the managed entity) update, never delete. */
interface OutgoingMailRepository extends Repository<OutgoingMail, Long> {

    OutgoingMail save(OutgoingMail mail);

    boolean existsByIdempotencyKey(String idempotencyKey);

    Optional<OutgoingMail> findByIdempotencyKey(String idempotencyKey);

    @Query("select m.idempotencyKey from OutgoingMail m where m.idempotencyKey in :keys")
    List<String> findPresentKeys(java.util.Collection<String> keys);

    /**
     * Claims up to {@code limit} PENDING mails that are due, the longest due first, and locks them until the end of
     * the transaction. Rows another transaction holds are skipped, not waited for (lock timeout -2 is Hibernate's
     * SKIP LOCKED: {@code for no key update ... skip locked} on PostgreSQL, {@code for update skip locked} on H2), so
     * several senders never claim the same mail.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("""
            select m from OutgoingMail m
            where m.state = dev.kontor.mail.MailState.PENDING and m.nextAttemptAt <= :now
            order by m.nextAttemptAt, m.id""")
    List<OutgoingMail> claimDue(Instant now, Limit limit);

    /** Newest first; the identity grows with every new mail, and its index serves the order. */
    Slice<OutgoingMail> findByOrderByIdDesc(Pageable pageable);
}
