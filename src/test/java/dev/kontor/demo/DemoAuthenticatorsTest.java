package dev.kontor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.security.SecondFactors;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo people who work for the provider or the partner have an authenticator with the secret the README
 * publishes (which the tests compute codes from); the customers' people have none.
 */
@IntegrationTest
class DemoAuthenticatorsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SecondFactors secondFactors;

    @Test
    void the_tests_know_the_same_secrets_as_the_demo_data() {
        assertThat(DemoPeople.AUTHENTICATORS).isEqualTo(DemoDataLoader.DEMO_AUTHENTICATORS);
    }

    @Test
    void provider_and_partner_people_have_an_authenticator_and_the_customers_people_have_none() {
        for (String email : DemoPeople.AUTHENTICATORS.keySet()) {
            assertThat(fixtures.as(email, () -> secondFactors.status().active())).as(email).isTrue();
        }
        for (String email : List.of(DemoPeople.ANNA, DemoPeople.BEN, DemoPeople.CLARA, DemoPeople.DORA)) {
            assertThat(fixtures.as(email, () -> secondFactors.status().active())).as(email).isFalse();
        }
    }
}
