package dev.kontor.provider;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class AccountDataAdministrationOnH2Test extends AccountDataAdministration {
}
