package dev.kontor.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SecondFactorRepository extends JpaRepository<SecondFactor, Long> {

    /**
     * Takes a time step for a code, once: of two requests with the same code (or an older one) only the first
     * changes the row, in one statement, so no lock is needed and a replay finds nothing to change.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update SecondFactor f set f.lastUsedStep = :step, f.version = f.version + 1"
            + " where f.userId = :userId and f.lastUsedStep < :step")
    int takeStep(long userId, long step);

    /** Of these people, those whose authenticator is set up (confirmed). */
    @Query("select f.userId from SecondFactor f where f.userId in :userIds and f.confirmedAt is not null")
    java.util.List<Long> findConfirmedAmong(java.util.Collection<Long> userIds);

    /** Of these people, those whose authenticator is set up, each with when its set-up was finished. */
    @Query("select f.userId, f.confirmedAt from SecondFactor f where f.userId in :userIds and f.confirmedAt is not null")
    java.util.List<Object[]> findConfirmedAtOf(java.util.Collection<Long> userIds);
}
