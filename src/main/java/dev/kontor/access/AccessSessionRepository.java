package dev.kontor.access;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccessSessionRepository extends JpaRepository<AccessSession, Long> {

    @Query("select s from AccessSession s where s.userId = :userId and s.endedAt is null")
    List<AccessSession> findOpenOf(long userId);
}
