package dev.kontor.postgres;

import dev.kontor.partner.PartnerTestData;
import dev.kontor.partner.TestRequests;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.QueryCounting;
import dev.kontor.testing.TestClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.kontor.tenant.TenantTestData;
import dev.kontor.testing.NoVaadinLeftovers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** A Spring Boot test against a real PostgreSQL 17 (embedded), with the same migrations and the demo data. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(NoVaadinLeftovers.class)
@SpringBootTest(properties = "kontor.demo-data.enabled=true")
@ActiveProfiles({"test", "postgres"})
@Import({QueryCounting.class, TestClock.class, Fixtures.class, Outbox.class, TestRequests.class, TenantTestData.class,
        PartnerTestData.class, AuditTrail.class, EmbeddedPostgresServer.class})
public @interface PostgresTest {
}
