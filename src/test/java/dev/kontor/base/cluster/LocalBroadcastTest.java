package dev.kontor.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The single node's broadcast (on H2): changes reach this node's receivers once, and only if, they commit. */
class LocalBroadcastTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final LocalBroadcast broadcast = new LocalBroadcast();
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:broadcast-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
                    "")));
    private final List<Change> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        broadcast.destroy();
    }

    @Test
    void a_new_receiver_first_hears_that_everything_may_have_changed() {
        broadcast.subscribe("content-copy", heard::add);

        await().atMost(GENEROUS).untilAsserted(() -> assertThat(heard).containsExactly(
                new Change("content-copy", 0, true)));
        assertThat(heard.getFirst().concerns(42)).isTrue();
    }

    @Test
    void a_change_is_heard_after_its_transaction_commits_and_never_when_it_rolls_back() {
        broadcast.subscribe("content-copy", heard::add);
        await().atMost(GENEROUS).until(() -> heard.size() == 1);

        transactions.executeWithoutResult(status -> {
            broadcast.announce("content-copy", 7);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            broadcast.announce("content-copy", 8);
            assertThat(heard).as("not before the commit").hasSize(1);
        });
        broadcast.announce("content-copy", 9);

        await().atMost(GENEROUS).untilAsserted(() -> assertThat(heard).endsWith(Change.of("content-copy", 8),
                Change.of("content-copy", 9)));
        assertThat(heard).doesNotContain(Change.of("content-copy", 7));
        assertThat(heard.getLast().concerns(8)).isFalse();
    }

    @Test
    void a_failing_receiver_keeps_the_change_from_nobody_else_and_a_removed_one_hears_nothing_more() {
        broadcast.subscribe("partnership", change -> {
            throw new IllegalStateException("a page that broke");
        });
        broadcast.subscribe("partnership", heard::add);
        List<Change> removed = new CopyOnWriteArrayList<>();
        Registration gone = broadcast.subscribe("partnership", removed::add);
        await().atMost(GENEROUS).until(() -> heard.size() == 1 && removed.size() == 1);
        gone.remove();

        broadcast.announce("partnership", 3);
        broadcast.announce("access-session", 3);

        await().atMost(GENEROUS).untilAsserted(() -> assertThat(heard).endsWith(Change.of("partnership", 3)));
        assertThat(removed).hasSize(1);
        assertThat(heard).hasSize(2);
    }

    @Test
    void a_topic_is_lower_case_words_with_dashes() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> broadcast.announce("Content copy", 1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> broadcast.subscribe("copy:1", heard::add));
    }
}
