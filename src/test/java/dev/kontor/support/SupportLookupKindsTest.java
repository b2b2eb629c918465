package dev.kontor.support;

import dev.kontor.testing.IntegrationTest;

/** Every kind of search on H2, the embedded default. */
@IntegrationTest
class SupportLookupKindsTest extends SupportLookupKinds {
}
