package dev.kontor.base;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
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
 * <p>{@code lock_until} is taken from the database's clock (nodes' clocks may differ). A node that dies holding a lock
 * holds it at most {@code kontor.jobs.lock-at-most-for}; another node then takes the job over at its next tick.
 * {@code locked_by} names the node ({@code kontor.jobs.node-name}, by default host name and process id, so that two
 * nodes on one host are told apart).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${kontor.jobs.lock-at-most-for:5m}")
class JobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource, @Value("${kontor.jobs.node-name:}") String nodeName) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(nodeName.isBlank() ? Utils.getHostname() + "/" + ProcessHandle.current().pid()
                        : nodeName)
                .build());
    }
}
