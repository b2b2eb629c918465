package dev.kontor.partner;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class FormerCustomerAsItWasOnH2Test extends FormerCustomerAsItWas {
}
