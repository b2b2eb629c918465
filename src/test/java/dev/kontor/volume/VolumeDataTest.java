package dev.kontor.volume;

import dev.kontor.partner.TestRequests;
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

/** The volume data at 1/1000 of its size on an empty H2 database, loaded on start, read through the services. */
@ExtendWith(NoVaadinLeftovers.class)
@SpringBootTest(properties = {VolumeDataChecks.PROPERTIES, VolumeDataChecks.VOLUME, VolumeDataChecks.SCALE,
        VolumeDataChecks.AS_OF})
@ActiveProfiles("test")
@Import({QueryCounting.class, TestClock.class, Fixtures.class, Outbox.class, TestRequests.class,
        TenantTestData.class})
class VolumeDataTest extends VolumeDataChecks {

    @Override
    String nextValue() {
        return "NEXT VALUE FOR customer_number_seq";
    }
}
