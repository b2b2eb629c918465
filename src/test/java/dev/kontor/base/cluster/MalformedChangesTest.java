package dev.kontor.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Anyone who may NOTIFY on the channel can send junk: the log gets a short, rare line, not every payload. */
class MalformedChangesTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MalformedChanges.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    private final MalformedChanges malformed = new MalformedChanges(now::get);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void a_malformed_change_is_logged_with_its_first_hundred_characters_only() {
        malformed.ignored("x".repeat(7000));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("x".repeat(100)).doesNotContain("x".repeat(101))
                    .hasSizeLessThan(300);
        });
    }

    @Test
    void a_flood_of_malformed_changes_gives_one_warning_a_minute_with_the_count_of_the_others() {
        for (int i = 0; i < 500; i++) {
            malformed.ignored("junk " + i + "\nforged log line");
        }
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.getFirst().getFormattedMessage()).doesNotContain("\n");

        now.set(now.get().plus(Duration.ofSeconds(61)));
        malformed.ignored("junk again");

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage()).contains("499");
    }
}
