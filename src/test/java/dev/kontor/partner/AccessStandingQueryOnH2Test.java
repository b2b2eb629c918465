package dev.kontor.partner;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class AccessStandingQueryOnH2Test extends AccessStandingQuery {
}
