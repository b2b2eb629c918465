package dev.kontor.partner;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class ManagedCustomerSortKeysOnH2Test extends ManagedCustomerSortKeys {
}
