package dev.kontor.replace;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class ReplacementApplyOnH2Test extends ReplacementApplyRules {
}
