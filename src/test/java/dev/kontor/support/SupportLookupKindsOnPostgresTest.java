package dev.kontor.support;

import dev.kontor.postgres.PostgresTest;

/** Every kind of search on PostgreSQL, where the generated keys and their indexes are PostgreSQL's own. */
@PostgresTest
class SupportLookupKindsOnPostgresTest extends SupportLookupKinds {
}
