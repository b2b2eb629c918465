package dev.kontor.account;

import dev.kontor.support.IntegrationTest;

@IntegrationTest
class ContactPersonRacesOnH2Test extends ContactPersonRaces {
}
