package dev.kontor.api;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class ApiTokenLookupOnPostgresTest extends ApiTokenLookup {
}
