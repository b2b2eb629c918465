package dev.kontor.testing;

import dev.kontor.partner.PartnerTestData;
import dev.kontor.partner.TestRequests;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.kontor.tenant.TenantTestData;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test on an in-memory H2 database of its own, with the demo data loaded, SQL counted, a clock that
 * tests can move, and {@link Fixtures} (and {@link TestRequests} for partner requests) for data of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(NoVaadinLeftovers.class)
@SpringBootTest
@ActiveProfiles("test")
@Import({QueryCounting.class, TestClock.class, Fixtures.class, Outbox.class, TestRequests.class, TenantTestData.class,
        PartnerTestData.class, AuditTrail.class})
public @interface IntegrationTest {
}
