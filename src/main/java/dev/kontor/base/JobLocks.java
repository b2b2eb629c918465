package dev.kontor.base;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several Kontor nodes share one database, and each scheduled job ({@code @SchedulerLock}) runs on one of them at a
 * time: ShedLock keeps one row per job in the table {@code shedlock}. The lock is an economy, not the guarantee: every
 * job also claims the rows it works on with row locks that other workers skip, in short transactions, so that a job
 * that outlives its lock, or runs on two nodes at once, still handles each row once.
 *
 * <p>{@code lock_until} is taken from the database's clock (nodes' clocks may differ). A lock lives only
 * {@code kontor.jobs.lock-at-most-for} (30 s) and ShedLock's {@link KeepAliveLockProvider} extends it by as much
 * every half of that while its job runs: a long run keeps its lock, and a node that dies holding one stalls that job
 * for at most those 30 s (plus the job's next tick on another node), not minutes. ShedLock keeps nothing alive below
 * 30 s, so a shorter setting (tests only) takes plain locks. {@code locked_by} names the node
 * ({@code kontor.jobs.node-name}, by default host name and process id, so that two nodes on one host are told apart).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${kontor.jobs.lock-at-most-for:30s}")
class JobLocks {

    /** The shortest lock ShedLock's keep-alive accepts. */
    static final Duration SHORTEST_KEPT_ALIVE = Duration.ofSeconds(30);

    /** Not a bean: an executor bean would take the place of Spring Boot's task scheduler for all jobs. */
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-lock-keep-alive").daemon(true).factory());

    @Bean
    LockProvider lockProvider(DataSource dataSource, @Value("${kontor.jobs.node-name:}") String nodeName,
                              @Value("${kontor.jobs.lock-at-most-for:30s}") Duration lockAtMostFor) {
        return locks(dataSource, nodeName, lockAtMostFor, keepAlive);
    }

    @PreDestroy
    void stopKeepingAlive() {
        keepAlive.shutdownNow();
    }

    static LockProvider locks(DataSource dataSource, String nodeName, Duration lockAtMostFor,
                              ScheduledExecutorService keepAlive) {
        JdbcTemplateLockProvider table = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(nodeName.isBlank() ? Utils.getHostname() + "/" + ProcessHandle.current().pid()
                        : nodeName)
                .build());
        return lockAtMostFor.compareTo(SHORTEST_KEPT_ALIVE) < 0 ? table : new KeepAliveLockProvider(table, keepAlive);
    }
}
