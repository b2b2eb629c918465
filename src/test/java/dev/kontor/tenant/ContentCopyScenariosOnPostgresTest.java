package dev.kontor.tenant;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class ContentCopyScenariosOnPostgresTest extends ContentCopyScenarios {
}
