package dev.kontor.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A database of its own on the embedded PostgreSQL server, created empty for the test context that imports this
 * (instead of the shared one {@link EmbeddedPostgresServer} points at), so that a test can start on a database that
 * holds nothing but its migrations.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmptyPostgresDatabase {

    @Bean
    static DynamicPropertyRegistrar emptyPostgresDatabaseProperties() {
        String name = "empty_" + UUID.randomUUID().toString().replace("-", "");
        return registry -> {
            registry.add("spring.datasource.url", () -> create(name));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
        };
    }

    private static synchronized String create(String name) {
        try (Connection connection = EmbeddedPostgresServer.server().getPostgresDatabase().getConnection();
             Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create the database " + name, e);
            }
        }
        return EmbeddedPostgresServer.server().getJdbcUrl("postgres", name);
    }
}
