package dev.kontor.partner;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Closed links are only ever added and read. */
interface ClosedRequestLinkRepository extends Repository<ClosedRequestLink, Long> {

    ClosedRequestLink save(ClosedRequestLink link);

    Optional<ClosedRequestLink> findByTokenHash(String tokenHash);

    boolean existsByTokenHash(String tokenHash);
}
