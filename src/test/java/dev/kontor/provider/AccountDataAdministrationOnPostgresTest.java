package dev.kontor.provider;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class AccountDataAdministrationOnPostgresTest extends AccountDataAdministration {
}
