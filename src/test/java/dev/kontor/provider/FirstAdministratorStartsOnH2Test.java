package dev.kontor.provider;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link FirstAdministratorStarts} on H2: each start a context of its own, on database files that a stopped start
 * closes and the next one opens again, as a restart does.
 */
class FirstAdministratorStartsOnH2Test extends FirstAdministratorStarts {

    @BeforeAll
    static void emptyDatabases() throws IOException {
        Path folder = Path.of("target", "first-admin");
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    FirstAdministratorStartsOnH2Test() {
        super(new Starts(FirstStart.class, SecondStart.class, MalformedStart.class, QuietStart.class));
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(properties = "kontor.demo-data.enabled=false")
    @ActiveProfiles("test")
    @interface Start {
    }

    @Start
    @TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:file:./target/first-admin/first",
            "kontor.bootstrap.admin-email=" + ADMIN_EMAIL, "kontor.jobs.node-name=first"})
    static class FirstStart {
    }

    @Start
    @TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:file:./target/first-admin/first",
            "kontor.bootstrap.admin-email=" + ADMIN_EMAIL, "kontor.jobs.node-name=second"})
    static class SecondStart {
    }

    @Start
    @TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:file:./target/first-admin/bad",
            "kontor.bootstrap.admin-email=" + BAD_EMAIL})
    static class MalformedStart {
    }

    @Start
    @TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:./target/first-admin/quiet")
    static class QuietStart {
    }
}
