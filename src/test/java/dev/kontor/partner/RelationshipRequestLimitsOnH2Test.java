package dev.kontor.partner;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class RelationshipRequestLimitsOnH2Test extends RelationshipRequestLimits {
}
