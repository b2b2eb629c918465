package dev.kontor.notice;

import dev.kontor.postgres.PostgresTest;

@PostgresTest
class NoticeFanOutLoadOnPostgresTest extends NoticeFanOutLoad {
}
