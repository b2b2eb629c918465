package dev.kontor.tenant;

import dev.kontor.support.IntegrationTest;

@IntegrationTest
class TenantTreeScenariosOnH2Test extends TenantTreeScenarios {
}
