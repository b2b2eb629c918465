package dev.kontor.provider;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class PartnerSuspensionRaceTest extends PartnerSuspensionRace {
}
