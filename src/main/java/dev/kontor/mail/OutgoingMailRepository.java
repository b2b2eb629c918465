package dev.kontor.mail;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The outbox keeps every mail: it can add, read and (through the managed entity) update, never delete. */
interface OutgoingMailRepository extends Repository<OutgoingMail, Long> {

    OutgoingMail save(OutgoingMail mail);

    boolean existsByIdempotencyKey(String idempotencyKey);

    Optional<OutgoingMail> findByIdempotencyKey(String idempotencyKey);
}
