package dev.kontor.account;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class ContactPersonRacesOnH2Test extends ContactPersonRaces {
}
