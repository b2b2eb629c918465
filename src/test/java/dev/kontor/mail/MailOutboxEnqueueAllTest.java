package dev.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MailOutboxEnqueueAllTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_batch_stores_each_new_mail_once_and_skips_keys_present_already() {
        String prefix = "batch-test:" + UUID.randomUUID() + ":";
        transaction.executeWithoutResult(status -> outbox.enqueue(
                new MailMessage(prefix + "1", "one@example.test", "Earlier", "B")));

        Integer added = transaction.execute(status -> outbox.enqueueAll(List.of(
                new MailMessage(prefix + "1", "one@example.test", "Again", "B"),
                new MailMessage(prefix + "2", "two@example.test", "New", "B"),
                new MailMessage(prefix + "2", "two@example.test", "Twice in the batch", "B"),
                new MailMessage(prefix + "3", "three@example.test", "New", "B"))));

        assertThat(added).isEqualTo(2);
        assertThat(jdbc.queryForList("select subject from outgoing_mail where idempotency_key like ? "
                + "order by idempotency_key", String.class, prefix + "%")).containsExactly("Earlier", "New", "New");
    }

    @Test
    void a_batch_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.enqueueAll(List.of(new MailMessage("batch-test:" + UUID.randomUUID(),
                "one@example.test", "S", "B")))).isInstanceOf(IllegalTransactionStateException.class);
    }
}
