package dev.kontor.account;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class AccountRenameVersionsOnPostgresTest extends AccountRenameVersions {
}
