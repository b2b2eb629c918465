package dev.kontor.partner;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class AccessStandingQueryOnPostgresTest extends AccessStandingQuery {
}
