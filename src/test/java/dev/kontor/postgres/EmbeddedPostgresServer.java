package dev.kontor.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Starts one embedded PostgreSQL server per test run and points the data source at it. */
@TestConfiguration(proxyBeanMethods = false)
class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    @Bean
    static DynamicPropertyRegistrar embeddedPostgresProperties() {
        return registry -> {
            registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
        };
    }
}
