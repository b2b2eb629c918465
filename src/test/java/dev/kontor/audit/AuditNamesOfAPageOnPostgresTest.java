package dev.kontor.audit;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class AuditNamesOfAPageOnPostgresTest extends AuditNamesOfAPage {
}
