package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Races;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Suspending a partner while one of its people enters a customer account: whichever comes first, no session of the
 * suspended partner stays open. Run on H2 and on PostgreSQL.
 */
abstract class PartnerSuspensionRace {

    @Autowired
    PartnerAdministration administration;

    @Autowired
    AccessSessions sessions;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_session_started_while_the_partner_is_suspended_does_not_stay_open() throws Exception {
        ProviderWorld world = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        long partnerId = world.partner().id();
        CustomerNumber number = new CustomerNumber(world.account().customerNumber());
        for (int round = 0; round < 15; round++) {
            PartnerRow seen = fixtures.as(world.admin(), () -> administration.partner(partnerId));
            Races.race(() -> {
                UI.setCurrent(new UI());
                try {
                    fixtures.as(world.partner().adminEmail(), () -> sessions.start(partnerId, number, null));
                } finally {
                    UI.setCurrent(null);
                }
            }, () -> fixtures.as(world.admin(), () -> administration.suspend(partnerId, seen.version(), "race")));

            assertThat(jdbc.queryForObject("select count(*) from access_session where partner_id = ? "
                    + "and ended_at is null", Long.class, partnerId)).as("round " + round).isZero();
            PartnerRow suspended = fixtures.as(world.admin(), () -> administration.partner(partnerId));
            fixtures.as(world.admin(), () -> administration.reactivate(partnerId, suspended.version()));
        }
    }
}
