package dev.kontor.tenant;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class TenantTreeScenariosOnH2Test extends TenantTreeScenarios {
}
