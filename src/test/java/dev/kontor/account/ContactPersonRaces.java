package dev.kontor.account;

import static dev.kontor.testing.Races.race;

import dev.kontor.testing.Races.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.base.KontorException;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Two managers acting at the same moment never leave an account without a valid contact person: one wins, the other
 * gets a clear refusal. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ContactPersonRaces {

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerService managers;

    @Autowired
    Fixtures fixtures;

    @RepeatedTest(5)
    void two_managers_choosing_different_contact_persons_at_once_leave_exactly_one_choice() throws Exception {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        long version = details(account).version();

        List<Outcome> outcomes = race(
                () -> fixtures.as(account.email("Alice"), () -> accounts.changeContactPerson(account.id(), version,
                        account.userId("Bob"))),
                () -> fixtures.as(account.email("Carl"), () -> accounts.changeContactPerson(account.id(), version,
                        account.userId("Carl"))));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(loser -> assertThat(loser.refusal()).isInstanceOfAny(KontorException.class,
                        ConcurrencyFailureException.class));
        assertValidContactPerson(account);
    }

    @RepeatedTest(5)
    void choosing_a_contact_person_while_another_manager_deactivates_them_never_breaks_the_rule()
            throws Exception {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        AccountDetails before = details(account);
        long bobsMembership = before.managers().stream().filter(m -> m.displayName().equals("Bob"))
                .findFirst().orElseThrow().membershipId();

        List<Outcome> outcomes = race(
                () -> fixtures.as(account.email("Alice"), () -> accounts.changeContactPerson(account.id(),
                        before.version(), account.userId("Bob"))),
                () -> fixtures.as(account.email("Carl"), () -> managers.deactivate(account.id(), bobsMembership,
                        Locale.ENGLISH)));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertValidContactPerson(account);
    }

    private void assertValidContactPerson(TestAccount account) {
        AccountDetails after = details(account);
        assertThat(after.contactPerson()).isPresent();
        assertThat(after.contactPerson().map(Member::isActive)).contains(true);
    }

    private AccountDetails details(TestAccount account) {
        return fixtures.as(account.email("Alice"), () -> accounts.details(new CustomerNumber(account.customerNumber())));
    }

}
