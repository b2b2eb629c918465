package dev.kontor.partner;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class ManagedCustomerSortKeysOnPostgresTest extends ManagedCustomerSortKeys {
}
