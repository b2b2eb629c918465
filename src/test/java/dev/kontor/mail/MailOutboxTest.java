package dev.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MailOutboxTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutgoingMailRepository mails;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_mail_enqueued_in_a_transaction_is_stored_pending_and_due_at_once() {
        String key = uniqueKey();

        transaction.executeWithoutResult(status -> outbox.enqueue(
                new MailMessage(key, "anna@sonnenschein.test", "Welcome to Kontor", "Hello Anna")));

        assertThat(mails.findByIdempotencyKey(key)).get().satisfies(mail -> {
            assertThat(mail.getState()).isEqualTo(MailState.PENDING);
            assertThat(mail.getRecipient()).isEqualTo("anna@sonnenschein.test");
            assertThat(mail.getSubject()).isEqualTo("Welcome to Kontor");
            assertThat(mail.getBody()).isEqualTo("Hello Anna");
            assertThat(mail.getAttempts()).isZero();
            assertThat(mail.getNextAttemptAt()).isEqualTo(mail.getCreatedAt());
            assertThat(mail.getSentAt()).isNull();
            assertThat(mail.getLastError()).isNull();
        });
    }

    @Test
    void a_mail_outside_a_transaction_is_refused() {
        String key = uniqueKey();

        assertThatThrownBy(() -> outbox.enqueue(new MailMessage(key, "anna@sonnenschein.test", "S", "B")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(mails.existsByIdempotencyKey(key)).isFalse();
    }

    @Test
    void a_second_mail_with_the_same_idempotency_key_stores_nothing_new() {
        String key = uniqueKey();

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(new MailMessage(key, "anna@sonnenschein.test", "First", "B"));
            outbox.enqueue(new MailMessage(key, "anna@sonnenschein.test", "Same transaction", "B"));
        });
        transaction.executeWithoutResult(status ->
                outbox.enqueue(new MailMessage(key, "ben@sonnenschein.test", "Later transaction", "B")));

        assertThat(jdbc.queryForList("select subject from outgoing_mail where idempotency_key = ?", String.class,
                key)).containsExactly("First");
    }

    @Test
    void a_rolled_back_change_leaves_no_mail() {
        String key = uniqueKey();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.enqueue(new MailMessage(key, "anna@sonnenschein.test", "S", "B"));
            throw new IllegalStateException("the business change failed");
        })).hasMessage("the business change failed");

        assertThat(mails.existsByIdempotencyKey(key)).isFalse();
    }

    @Test
    void the_database_refuses_a_duplicate_key_an_unknown_state_and_a_sent_mail_without_time() {
        String key = uniqueKey();
        transaction.executeWithoutResult(status -> outbox.enqueue(new MailMessage(key, "a@b.test", "S", "B")));

        assertThatThrownBy(() -> insert(key, "PENDING")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insert(uniqueKey(), "LOST"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insert(uniqueKey(), "SENT"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void insert(String key, String state) {
        jdbc.update("insert into outgoing_mail (idempotency_key, recipient, subject, body, state, next_attempt_at, "
                + "created_at) values (?, 'a@b.test', 'S', 'B', ?, current_timestamp, current_timestamp)", key, state);
    }

    private static String uniqueKey() {
        return "test:" + UUID.randomUUID();
    }
}
