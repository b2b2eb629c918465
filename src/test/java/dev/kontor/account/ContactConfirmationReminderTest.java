package dev.kontor.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.CustomerNumber;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ContactConfirmationReminderTest {

    @Autowired
    ContactConfirmationReminder reminder;

    @Autowired
    AccountService accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_contact_person_is_asked_once_per_interval_until_someone_confirms() {
        TestAccount account = fixtures.account("Alice", "Bob");
        reminder.sendReminders();
        assertThat(outbox.to(account.email("Alice"))).isEmpty();

        clock.advance(Duration.ofDays(181));
        reminder.sendReminders();
        reminder.sendReminders();

        assertThat(outbox.to(account.email("Alice"))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("is the contact data still correct?");
            assertThat(mail.body()).contains("/accounts/" + account.customerNumber());
        });
        assertThat(outbox.to(account.email("Bob"))).isEmpty();
        assertThat(details(account).confirmationOverdue()).isTrue();

        fixtures.as(account.email("Bob"), () -> accounts.confirmContactData(account.id()));
        assertThat(details(account).confirmationOverdue()).isFalse();
        clock.advance(Duration.ofDays(10));
        reminder.sendReminders();
        assertThat(outbox.to(account.email("Alice"))).hasSize(1);
    }

    private AccountDetails details(TestAccount account) {
        return fixtures.as(account.email("Alice"), () -> accounts.details(new CustomerNumber(account.customerNumber())));
    }
}
