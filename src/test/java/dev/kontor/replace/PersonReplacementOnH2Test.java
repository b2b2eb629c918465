package dev.kontor.replace;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class PersonReplacementOnH2Test extends PersonReplacementRules {
}
