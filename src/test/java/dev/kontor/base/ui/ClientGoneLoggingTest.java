package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.server.ErrorEvent;
import dev.kontor.base.ClientGone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A browser that closes the connection (a tab closed while a page or a download was under way) is no fault of
 * Kontor: the UI's error handler says so in one line at DEBUG, never at ERROR with a stack trace.
 */
public class ClientGoneLoggingTest {

    public static List<Throwable> clientsGone() {
        return List.of(new ClientAbortException(new IOException("Broken pipe")),
                new AsyncRequestNotUsableException("ServletOutputStream failed to flush: java.io.IOException: Broken pipe"),
                new UncheckedIOException(new IOException("Connection reset by peer")),
                new RuntimeException("while writing", new ClientAbortException("java.io.IOException: Broken pipe")));
    }

    @Test
    void a_client_that_went_away_is_one_line_at_debug_in_the_ui() {
        for (Throwable gone : clientsGone()) {
            List<ILoggingEvent> logged = logged(KontorErrorHandler.class,
                    () -> new KontorErrorHandler.Handler().error(new ErrorEvent(gone)));

            assertThat(logged).as("%s", gone).hasSize(1).allSatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
                assertThat(event.getFormattedMessage()).doesNotContain("\n");
            });
        }
    }

    @Test
    void a_real_fault_is_still_an_error_with_its_stack_trace() {
        IllegalStateException fault = new IllegalStateException("a bug");
        assertThat(ClientGone.is(fault)).isFalse();
        assertThat(ClientGone.is(new IOException("disk full"))).isFalse();

        List<ILoggingEvent> logged = logged(KontorErrorHandler.class,
                () -> new KontorErrorHandler.Handler().error(new ErrorEvent(fault)));

        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }

    /** What {@code type}'s logger says, DEBUG included, while {@code action} runs. */
    public static List<ILoggingEvent> logged(Class<?> type, Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            action.run();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
        return List.copyOf(appender.list);
    }
}
