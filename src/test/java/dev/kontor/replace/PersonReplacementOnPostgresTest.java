package dev.kontor.replace;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class PersonReplacementOnPostgresTest extends PersonReplacementRules {
}
