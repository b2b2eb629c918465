package dev.kontor.contact;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

    @Query("select c from Contact c where c.organizationId = :organizationId")
    List<Contact> findPage(long organizationId, Pageable pageable);

    long countByOrganizationId(long organizationId);

    boolean existsByOrganizationIdAndEmail(long organizationId, String email);

    boolean existsByOrganizationIdAndUserId(long organizationId, long userId);

    @Query("select c from Contact c where c.organizationId = :organizationId and c.userId in :userIds")
    List<Contact> findLinked(long organizationId, Collection<Long> userIds);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contact c where c.pendingTokenHash = :tokenHash")
    Optional<Contact> lockByPendingTokenHash(String tokenHash);

    @Query("select c from Contact c where c.pendingTokenHash = :tokenHash")
    Optional<Contact> findByPendingTokenHash(String tokenHash);

    /** One batch of an export: the organizations' contacts after the cursor, in id order. */
    @Query("select c from Contact c where c.organizationId in :organizationIds and c.id > :cursor order by c.id")
    List<Contact> findBatch(Collection<Long> organizationIds, long cursor, Pageable batch);

    /** Contacts by id, in id order (a batch of a partner's tree, see {@link PartnerTreeContacts}). */
    @Query("select c from Contact c where c.id in :ids order by c.id")
    List<Contact> findInOrder(Collection<Long> ids);
}
