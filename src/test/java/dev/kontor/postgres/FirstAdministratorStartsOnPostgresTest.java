package dev.kontor.postgres;

import dev.kontor.provider.FirstAdministratorStarts;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link FirstAdministratorStarts} on PostgreSQL with the {@code postgres} profile, as a real installation starts:
 * each start a context of its own, on new databases of the shared embedded server.
 */
class FirstAdministratorStartsOnPostgresTest extends FirstAdministratorStarts {

    static final String FIRST = "kontor_first_admin";
    static final String BAD = "kontor_first_admin_bad";
    static final String QUIET = "kontor_first_admin_quiet";

    @BeforeAll
    static void emptyDatabases() throws Exception {
        try (Connection connection = EmbeddedPostgresServer.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : new String[] {FIRST, BAD, QUIET}) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    FirstAdministratorStartsOnPostgresTest() {
        super(new Starts(FirstStart.class, SecondStart.class, MalformedStart.class, QuietStart.class));
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(properties = "kontor.demo-data.enabled=false")
    @ActiveProfiles({"test", "postgres"})
    @interface Start {
    }

    @Start
    @Import(FirstDatabase.class)
    @TestPropertySource(properties = {"kontor.bootstrap.admin-email=" + ADMIN_EMAIL, "kontor.jobs.node-name=first"})
    static class FirstStart {
    }

    @Start
    @Import(FirstDatabase.class)
    @TestPropertySource(properties = {"kontor.bootstrap.admin-email=" + ADMIN_EMAIL, "kontor.jobs.node-name=second"})
    static class SecondStart {
    }

    @Start
    @Import(BadDatabase.class)
    @TestPropertySource(properties = "kontor.bootstrap.admin-email=" + BAD_EMAIL)
    static class MalformedStart {
    }

    @Start
    @Import(QuietDatabase.class)
    static class QuietStart {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FirstDatabase {
        @Bean
        static DynamicPropertyRegistrar firstDatabase() {
            return database(FIRST);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BadDatabase {
        @Bean
        static DynamicPropertyRegistrar badDatabase() {
            return database(BAD);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class QuietDatabase {
        @Bean
        static DynamicPropertyRegistrar quietDatabase() {
            return database(QUIET);
        }
    }

    private static DynamicPropertyRegistrar database(String name) {
        return registry -> {
            registry.add("spring.datasource.url", () -> EmbeddedPostgresServer.server().getJdbcUrl("postgres", name));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
        };
    }
}
