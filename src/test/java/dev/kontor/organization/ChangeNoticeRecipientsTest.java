package dev.kontor.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A change to an organization's people is mailed to its other leads, never to the person who made it. */
@IntegrationTest
class ChangeNoticeRecipientsTest {

    @Autowired
    ManagerService managers;

    @Autowired
    AccountService accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Test
    void the_manager_who_adds_a_manager_is_not_mailed_about_it_and_the_other_managers_are() {
        TestAccount account = fixtures.account("Alice", "Bob");
        String invited = "nora-" + UUID.randomUUID() + "@example.test";

        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), invited, "Nora New", Locale.ENGLISH));

        assertThat(outbox.to(account.email("Alice"))).filteredOn(mail -> mail.body().contains("Done by")).isEmpty();
        assertThat(outbox.to(account.email("Bob"))).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains(invited, "Done by Alice <" + account.email("Alice") + ">."));
    }

    @Test
    void the_manager_who_deactivates_a_manager_is_not_mailed_about_it_and_the_other_managers_are() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        long carl = fixtures.as(account.email("Alice"),
                () -> accounts.details(new CustomerNumber(account.customerNumber()))).managers().stream()
                .filter(m -> m.email().equals(account.email("Carl"))).findFirst().orElseThrow().membershipId();

        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), carl, Locale.ENGLISH));

        assertThat(outbox.to(account.email("Alice"))).filteredOn(mail -> mail.body().contains("Done by")).isEmpty();
        assertThat(outbox.to(account.email("Bob"))).anySatisfy(mail -> assertThat(mail.body())
                .contains("Done by Alice <" + account.email("Alice") + ">."));
    }
}
