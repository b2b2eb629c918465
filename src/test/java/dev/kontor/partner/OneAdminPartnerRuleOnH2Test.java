package dev.kontor.partner;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class OneAdminPartnerRuleOnH2Test extends OneAdminPartnerRule {
}
