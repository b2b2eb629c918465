package dev.kontor.volume;

import dev.kontor.partner.TestRequests;
import dev.kontor.postgres.EmptyPostgresDatabase;
import dev.kontor.tenant.TenantTestData;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.NoVaadinLeftovers;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.QueryCounting;
import dev.kontor.testing.TestClock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The volume data at 1/1000 of its size on an empty PostgreSQL database (written with COPY), loaded on start, read
 * through the services.
 */
@ExtendWith(NoVaadinLeftovers.class)
@SpringBootTest(properties = {VolumeDataChecks.PROPERTIES, VolumeDataChecks.VOLUME, VolumeDataChecks.SCALE,
        VolumeDataChecks.AS_OF})
@ActiveProfiles({"test", "postgres"})
@Import({QueryCounting.class, TestClock.class, Fixtures.class, Outbox.class, TestRequests.class,
        TenantTestData.class, EmptyPostgresDatabase.class})
class VolumeDataOnPostgresTest extends VolumeDataChecks {

    @Override
    String nextValue() {
        return "nextval('customer_number_seq')";
    }
}
