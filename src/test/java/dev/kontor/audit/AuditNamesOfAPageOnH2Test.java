package dev.kontor.audit;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class AuditNamesOfAPageOnH2Test extends AuditNamesOfAPage {
}
