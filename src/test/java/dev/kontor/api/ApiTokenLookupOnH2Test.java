package dev.kontor.api;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class ApiTokenLookupOnH2Test extends ApiTokenLookup {
}
