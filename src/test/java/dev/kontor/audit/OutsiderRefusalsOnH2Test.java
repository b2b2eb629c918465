package dev.kontor.audit;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class OutsiderRefusalsOnH2Test extends OutsiderRefusals {
}
