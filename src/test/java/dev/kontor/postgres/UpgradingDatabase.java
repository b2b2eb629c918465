package dev.kontor.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A new, empty database of one vendor for a migration test: brought to an older version, filled as a database of
 * that time was, then upgraded by the later migrations, alike on H2 and on PostgreSQL.
 */
record UpgradingDatabase(DataSource dataSource, String vendor) {

    /** An in-memory H2 database on one connection throughout: it lives as long as that connection does. */
    static UpgradingDatabase h2(String prefix) {
        return new UpgradingDatabase(new SingleConnectionDataSource("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID(),
                "sa", "", true), "h2");
    }

    /** A database of its own on the embedded PostgreSQL server. */
    static UpgradingDatabase postgres(String prefix) throws SQLException {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        String url = EmbeddedPostgresServer.server().getJdbcUrl("postgres", "postgres");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new UpgradingDatabase(new DriverManagerDataSource(EmbeddedPostgresServer.server()
                .getJdbcUrl("postgres", database), "postgres", ""), "postgresql");
    }

    /** Runs the migrations up to {@code version}; the database's statements to fill it as it was then. */
    JdbcTemplate migrateTo(String version) {
        flyway().target(version).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    /** Runs the remaining migrations, as an upgrade does. */
    void upgrade() {
        flyway().load().migrate();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/"
                + vendor);
    }
}
