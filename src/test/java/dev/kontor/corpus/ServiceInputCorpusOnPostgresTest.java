package dev.kontor.corpus;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class ServiceInputCorpusOnPostgresTest extends ServiceInputCorpus {
}
