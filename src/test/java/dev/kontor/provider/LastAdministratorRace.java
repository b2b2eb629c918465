package dev.kontor.provider;

import static dev.kontor.testing.Races.race;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.base.KontorException;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Races.Outcome;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provider keeps an active administrator even when its last two deactivate each other at the very same moment:
 * each change locks the provider's row before it counts the active administrators, so the second sees the first's
 * result and is refused. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class LastAdministratorRace {

    @Autowired
    ProviderStaff staff;

    @Autowired
    StaffTestData data;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @RepeatedTest(3)
    void two_administrators_deactivating_each_other_at_once_leave_one_of_them_active() throws Exception {
        StaffTestData.TestProvider provider = data.provider(new String[] {"Ada", "Bert"});

        List<Outcome> outcomes = race(
                () -> fixtures.as(provider.email("Ada"), () -> staff.deactivate(provider.membership("Bert"))),
                () -> fixtures.as(provider.email("Bert"), () -> staff.deactivate(provider.membership("Ada"))));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        // the loser is refused: as the last administrator's deactivation, or as no administrator any more
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(loser -> assertThat(loser.refusal()).isInstanceOfAny(KontorException.class,
                        ConcurrencyFailureException.class));
        assertThat(jdbc.queryForObject("select count(*) from membership where organization_id = ? "
                        + "and role = 'PROVIDER_ADMINISTRATOR' and state = 'ACTIVE'", Integer.class, provider.id()))
                .isOne();
    }
}
