package dev.kontor.audit;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class OutsiderRefusalsOnPostgresTest extends OutsiderRefusals {
}
