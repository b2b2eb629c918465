package dev.kontor.tenant;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class TenantTreeScenariosOnPostgresTest extends TenantTreeScenarios {
}
