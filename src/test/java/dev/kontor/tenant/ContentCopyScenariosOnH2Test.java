package dev.kontor.tenant;

import dev.kontor.support.IntegrationTest;

@IntegrationTest
class ContentCopyScenariosOnH2Test extends ContentCopyScenarios {
}
