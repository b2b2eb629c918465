package dev.kontor.provider;

import dev.kontor.testing.IntegrationTest;
import org.springframework.context.annotation.Import;

@IntegrationTest
@Import(StaffTestData.class)
class LastAdministratorRaceOnH2Test extends LastAdministratorRace {
}
