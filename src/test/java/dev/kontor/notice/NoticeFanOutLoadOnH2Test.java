package dev.kontor.notice;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class NoticeFanOutLoadOnH2Test extends NoticeFanOutLoad {
}
