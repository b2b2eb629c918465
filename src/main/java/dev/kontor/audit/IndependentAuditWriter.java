package dev.kontor.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the audit entries that must outlive the call that caused them (a refusal, whose call is rolled back) through
 * a small pool of its own. The refused call still holds its connection of the main pool while the entry is written:
 * taken from the same pool, as many refusals at once as that pool has connections would each wait for a second one,
 * and every request of the node would wait with them until the pool's timeout. From this pool, an entry waits at most
 * for another entry's insert, which never waits for anything else.
 */
@Component
class IndependentAuditWriter implements DisposableBean {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    IndependentAuditWriter(DataSource main, @Value("${kontor.audit.independent-pool-size:2}") int size)
            throws SQLException {
        HikariConfig config = new HikariConfig();
        if (main.isWrapperFor(HikariDataSource.class)) {
            // the same database, user and settings as the main pool, with connections of its own
            main.unwrap(HikariDataSource.class).copyStateTo(config);
        } else {
            // a data source that is not a pool (an embedded test database) opens a connection per call already
            config.setDataSource(main);
        }
        config.setPoolName("kontor-audit");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        config.setRegisterMbeans(false);
        config.setMetricRegistry(null);
        config.setMetricsTrackerFactory(null);
        config.setHealthCheckRegistry(null);
        this.pool = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(pool);
    }

    /** Inserts the event in a transaction of its own, committed when this returns. */
    void insert(AuditEvent event) {
        insert(event, false, null);
    }

    /**
     * Inserts a refusal of someone outside the organization: the first of its {@code window} for the organization's
     * readers; when a racing or earlier refusal holds the window already (the unique index says so, whoever came
     * first), as a repeat that the provider's staff alone read. Each insert commits on its own, so the failed first
     * try leaves nothing behind.
     */
    void insertOutsiderRefusal(AuditEvent event, String window) {
        try {
            insert(event, true, window);
        } catch (DuplicateKeyException shownAlready) {
            insert(event, true, null);
        }
    }

    private void insert(AuditEvent event, boolean actorOutside, String outsiderWindow) {
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, kind, outcome, actor_user_id, actor_email, on_behalf_of_id,
                            organization_id, summary, summary_key, summary_args, old_value, new_value, remote_address,
                            actor_outside, outsider_window)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.getOccurredAt().atOffset(ZoneOffset.UTC), event.getKind(), event.getOutcome().name(),
                        event.getActorUserId(), event.getActorEmail(), event.getOnBehalfOfId(),
                        event.getOrganizationId(), event.getSummary(), event.storedSummaryKey(),
                        event.storedSummaryArguments(), event.getOldValue(), event.getNewValue(),
                        event.getRemoteAddress(), actorOutside, outsiderWindow)
                .update();
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
