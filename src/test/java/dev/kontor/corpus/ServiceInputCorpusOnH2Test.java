package dev.kontor.corpus;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class ServiceInputCorpusOnH2Test extends ServiceInputCorpus {
}
