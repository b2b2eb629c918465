package dev.kontor.partner;

import dev.kontor.support.IntegrationTest;

@IntegrationTest
class OneAdminPartnerRuleOnH2Test extends OneAdminPartnerRule {
}
