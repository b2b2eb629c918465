package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import dev.kontor.base.AccessRefused;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * A refused export (an employee unassigned while the account dialog is open clicks Export CSV) answers 403 with the
 * refusal's message and nothing above WARN in the log, and never sends the file's name or its first lines.
 */
class CsvDownloadTest {

    private static final String REFUSED = "You have no access to this, or it does not exist (any more).";

    private final VaadinResponse response = mock(VaadinResponse.class);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final DownloadEvent event = new DownloadEvent(mock(VaadinRequest.class), response,
            mock(VaadinSession.class), new Element("a"));
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void answerAndListen() throws IOException {
        when(response.getOutputStream()).thenReturn(body);
        UI ui = mock(UI.class);
        when(ui.getTranslation("error.access-refused")).thenReturn(REFUSED);
        when(ui.getTranslation("error.unexpected")).thenReturn("Something went wrong on our side.");
        UI.setCurrent(ui);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(log);
        log.stop();
        UI.setCurrent(null);
    }

    @Test
    void a_refused_export_answers_403_with_the_refusal_and_logs_nothing_above_warn() throws IOException {
        CsvDownload.of("contacts.csv", out -> {
            throw new AccessRefused();
        }).handleDownloadRequest(event);

        verify(response).setStatus(403);
        verify(response, never()).setHeader(eq("Content-Disposition"), anyString());
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(REFUSED);
        assertThat(aboveWarn()).isEmpty();
        assertThat(log.list).anyMatch(line -> line.getLevel() == Level.WARN
                && line.getFormattedMessage().contains("contacts.csv"));
    }

    @Test
    void a_refusal_after_the_header_line_and_a_closed_printer_still_answers_403_without_any_line_of_the_file()
            throws IOException {
        CsvDownload.of("kontor-audit.csv", out -> {
            try (Writer printer = out) {
                printer.write("id,time,kind\r\n");
                throw new AccessDeniedException("no audit scope");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).handleDownloadRequest(event);

        verify(response).setStatus(403);
        verify(response, never()).setHeader(eq("Content-Disposition"), anyString());
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(REFUSED).doesNotContain("id,time");
        assertThat(aboveWarn()).isEmpty();
    }

    @Test
    void an_allowed_export_sends_the_file_with_its_name_whole_also_beyond_what_is_held_back() throws IOException {
        String line = "Muster Hosting GmbH,Lea,Lehmann,lea@example.com\r\n";
        int lines = CsvDownload.HELD_BACK / line.length() * 3;
        CsvDownload.of("contacts.csv", out -> {
            try (Writer printer = out) {
                for (int i = 0; i < lines; i++) {
                    printer.write(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).handleDownloadRequest(event);

        verify(response, never()).setStatus(403);
        verify(response).setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
        verify(response).setContentType("text/csv; charset=UTF-8");
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(line.repeat(lines));
        assertThat(aboveWarn()).isEmpty();
    }

    @Test
    void an_empty_export_still_sends_an_empty_file() throws IOException {
        CsvDownload.of("contacts.csv", out -> { }).handleDownloadRequest(event);

        verify(response).setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
        assertThat(body.size()).isZero();
    }

    @Test
    void an_unexpected_failure_answers_a_short_apology_and_is_logged_once() throws IOException {
        CsvDownload.of("contacts.csv", out -> {
            throw new IllegalStateException("a bug");
        }).handleDownloadRequest(event);

        verify(response).setStatus(500);
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("Something went wrong on our side.");
        assertThat(aboveWarn()).hasSize(1);
    }

    private List<ILoggingEvent> aboveWarn() {
        return log.list.stream().filter(line -> line.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
    }
}
