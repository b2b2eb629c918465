package dev.kontor.provider;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class AccountSuspensionRaceTest extends AccountSuspensionRace {
}
