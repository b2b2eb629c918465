package dev.kontor.provider;

import dev.kontor.postgres.PostgresTest;
import org.springframework.context.annotation.Import;

@PostgresTest
@Import(StaffTestData.class)
class LastAdministratorRaceOnPostgresTest extends LastAdministratorRace {
}
