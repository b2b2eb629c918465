package dev.kontor.tenant;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class ContentCopyScenariosOnH2Test extends ContentCopyScenarios {
}
