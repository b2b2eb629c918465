package dev.kontor.replace;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class ReplacementApplyOnPostgresTest extends ReplacementApplyRules {
}
