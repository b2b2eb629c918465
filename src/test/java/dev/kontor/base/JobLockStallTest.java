package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a job stands still when the node that holds its lock dies: the lock lives only lock-at-most-for (30 s) and
 * is kept alive while its holder lives, so a long run keeps it and a dead holder's lock frees within those 30 s.
 */
class JobLockStallTest {

    private static final Duration LOCK_AT_MOST_FOR = Duration.ofSeconds(30);

    @Test
    void a_running_job_keeps_its_lock_past_lock_at_most_for_and_a_dead_nodes_lock_frees_within_it() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new JdbcTemplate(database).execute("CREATE TABLE shedlock (name VARCHAR(64) NOT NULL, "
                + "lock_until TIMESTAMP NOT NULL, locked_at TIMESTAMP NOT NULL, locked_by VARCHAR(255) NOT NULL, "
                + "CONSTRAINT shedlock_pk PRIMARY KEY (name))");
        ScheduledExecutorService keepAliveOfA = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService keepAliveOfB = Executors.newSingleThreadScheduledExecutor();
        try {
            LockProvider nodeA = JobLocks.locks(database, "node-a", LOCK_AT_MOST_FOR, keepAliveOfA);
            LockProvider nodeB = JobLocks.locks(database, "node-b", LOCK_AT_MOST_FOR, keepAliveOfB);
            assertThat(nodeA.lock(job())).isPresent();

            // A's job runs longer than lock-at-most-for: its lock is extended, B keeps out
            Thread.sleep(LOCK_AT_MOST_FOR.plusSeconds(5).toMillis());
            assertThat(nodeB.lock(job())).as("B while A's job still runs").isEmpty();

            // A dies: nobody extends its lock any more, and nobody releases it
            keepAliveOfA.shutdownNow();
            Instant died = Instant.now();
            Optional<SimpleLock> takenOver = Optional.empty();
            while (takenOver.isEmpty() && Duration.between(died, Instant.now()).compareTo(Duration.ofMinutes(1)) < 0) {
                Thread.sleep(250);
                takenOver = nodeB.lock(job());
            }
            Duration stall = Duration.between(died, Instant.now());
            System.out.println("Job stalled " + stall.toMillis() + " ms after its lock holder died");
            assertThat(takenOver).as("B takes the job over").isPresent();
            assertThat(stall).isLessThanOrEqualTo(LOCK_AT_MOST_FOR.plusSeconds(1));
        } finally {
            keepAliveOfA.shutdownNow();
            keepAliveOfB.shutdownNow();
        }
    }

    private static LockConfiguration job() {
        return new LockConfiguration(Instant.now(), "content-copy", LOCK_AT_MOST_FOR, Duration.ZERO);
    }
}
