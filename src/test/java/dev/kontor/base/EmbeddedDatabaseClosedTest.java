package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the embedded database is closed under the running application (by whatever cause: a review once saw "The
 * database has been closed" and then every sign-in fail until a restart), the pool configured as Kontor configures it
 * drops the dead connections and opens the database files again: at most the call that met the closed database
 * fails, and everything committed before is there.
 */
class EmbeddedDatabaseClosedTest {

    @TempDir
    Path directory;

    @Test
    void after_the_database_closed_under_the_pool_the_next_calls_work_on_the_same_data() throws Exception {
        try (HikariDataSource database = new HikariDataSource(configuredPool())) {
            try (Connection connection = database.getConnection()) {
                connection.createStatement().execute("create table sign_in(id int primary key)");
                connection.createStatement().execute("insert into sign_in values (1), (2)");
                connection.createStatement().execute("checkpoint sync");
            }
            try (Connection connection = database.getConnection()) {
                connection.createStatement().execute("shutdown");
            } catch (SQLException closedByItself) {
                // the statement that closes the database may say so itself
            }

            List<String> answers = new ArrayList<>();
            for (int call = 0; call < 6; call++) {
                try (Connection connection = database.getConnection();
                     ResultSet count = connection.createStatement().executeQuery("select count(*) from sign_in")) {
                    count.next();
                    answers.add("rows: " + count.getLong(1));
                } catch (SQLException failed) {
                    answers.add("failed: " + failed.getErrorCode());
                }
            }

            assertThat(answers.subList(1, answers.size())).as("every call after the first, in %s", answers)
                    .containsOnly("rows: 2");
        }
    }

    @Test
    void a_check_constraint_made_on_a_connection_the_pool_has_since_retired_still_holds_on_the_others()
            throws Exception {
        try (HikariDataSource database = new HikariDataSource(configuredPool())) {
            try (Connection other = database.getConnection()) {
                try (Connection migrating = database.getConnection()) {
                    migrating.createStatement().execute("create table audit(outcome varchar(10) not null"
                            + " check (outcome in ('SUCCEEDED', 'FAILED')))");
                }
                // retires the idle one that created the table (as its lifetime would), not the one held here
                database.getHikariPoolMXBean().softEvictConnections();

                other.createStatement().execute("insert into audit values ('FAILED')");
                assertThatThrownBy(() -> other.createStatement().execute("insert into audit values ('LOST')"))
                        .isInstanceOfSatisfying(SQLException.class,
                                violated -> assertThat(violated.getErrorCode()).isEqualTo(23513));
            }
            try (Connection renewed = database.getConnection()) {
                renewed.createStatement().execute("insert into audit values ('SUCCEEDED')");
            }
        }
    }

    @Test
    void failures_of_another_kind_are_judged_as_the_pool_always_does() {
        EvictClosedDatabaseConnections override = new EvictClosedDatabaseConnections();

        assertThat(override.adjudicate(new SQLException("serialization failure", "40001", 0)))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(override.adjudicate(new SQLException("wrapped", "HY000", 50000,
                new SQLException("The database has been closed", "90098", 90098))))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);
    }

    private HikariConfig configuredPool() throws Exception {
        Properties configured = applicationProperties();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(configured.getProperty("spring.datasource.url")
                .replace("./data/kontor", directory.resolve("kontor").toString()));
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(4);
        pool.setExceptionOverrideClassName(
                configured.getProperty("spring.datasource.hikari.exception-override-class-name"));
        return pool;
    }

    private static Properties applicationProperties() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseClosedTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
