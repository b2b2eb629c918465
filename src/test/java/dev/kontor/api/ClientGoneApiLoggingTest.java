package dev.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.kontor.base.ui.ClientGoneLoggingTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** An API caller that hangs up mid-answer is one line at DEBUG and gets no answer written, not an ERROR. */
class ClientGoneApiLoggingTest {

    @Test
    void a_caller_that_hung_up_is_one_line_at_debug() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/audit");
        ApiExceptionHandler handler = new ApiExceptionHandler(null, java.time.Clock.systemUTC());

        for (Throwable gone : ClientGoneLoggingTest.clientsGone()) {
            Exception exception = gone instanceof Exception e ? e : new RuntimeException(gone);
            Object[] answer = new Object[1];
            List<ILoggingEvent> logged = ClientGoneLoggingTest.logged(ApiExceptionHandler.class,
                    () -> answer[0] = handler.unexpected(exception, request));

            assertThat(answer[0]).as("nothing is written to a closed connection").isNull();
            assertThat(logged).as("%s", gone).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(event.getThrowableProxy()).isNull();
            });
        }
    }
}
