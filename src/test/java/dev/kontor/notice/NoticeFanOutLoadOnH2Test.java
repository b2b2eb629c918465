package dev.kontor.notice;

import dev.kontor.support.IntegrationTest;

@IntegrationTest
class NoticeFanOutLoadOnH2Test extends NoticeFanOutLoad {
}
