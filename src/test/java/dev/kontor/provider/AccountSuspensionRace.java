package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.base.KontorException;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Races;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provider suspends a customer account while a partner user enters it: whichever comes first, no access session
 * stays open in the suspended account, and the one who lost is told why. Run on H2 and on PostgreSQL.
 */
abstract class AccountSuspensionRace {

    @Autowired
    AccountAdministration administration;

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
    void a_session_started_while_the_account_is_suspended_does_not_stay_open() throws Exception {
        ProviderWorld world = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        long partnerId = world.partner().id();
        long accountId = world.account().id();
        CustomerNumber number = new CustomerNumber(world.account().customerNumber());
        int entered = 0;
        for (int round = 0; round < 15; round++) {
            AccountRow seen = fixtures.as(world.admin(), () -> administration.account(accountId));
            List<Races.Outcome> outcomes = Races.race(() -> {
                UI.setCurrent(new UI());
                try {
                    fixtures.as(world.partner().adminEmail(), () -> sessions.start(partnerId, number, null));
                } finally {
                    UI.setCurrent(null);
                }
            }, () -> fixtures.as(world.admin(), () -> administration.suspend(accountId, seen.version(), "race")));

            assertThat(outcomes.get(1).succeeded()).as("the suspension, round %d", round).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from access_session where customer_id = ? "
                    + "and ended_at is null", Long.class, accountId)).as("round " + round).isZero();
            if (outcomes.get(0).succeeded()) {
                entered++;
                assertThat(jdbc.queryForObject("select count(*) from access_session where customer_id = ? "
                        + "and end_reason = 'ACCOUNT_SUSPENDED'", Long.class, accountId)).as("round " + round)
                        .isEqualTo(entered);
            } else {
                assertThat(outcomes.get(0).refusal()).as("round " + round).isInstanceOf(KontorException.class);
                assertThat(((KontorException) outcomes.get(0).refusal()).messageKey()).as("round " + round)
                        .isEqualTo("access.account-not-active");
            }
            AccountRow suspended = fixtures.as(world.admin(), () -> administration.account(accountId));
            fixtures.as(world.admin(), () -> administration.reactivate(accountId, suspended.version()));
        }
    }
}
