package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.kontor.base.ClientGone;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every CSV export of the views goes through here, so that a refused export answers 403 with the refusal's message and
 * a WARN line, instead of escaping Vaadin's download handler as a 500 with two stack traces in the log. The service
 * behind the export checks the right and audits the refusal; this class only shapes the answer.
 */
public final class CsvDownload {

    /** Up to this many characters are held back, so that a refusal after the header line can still be a 403. */
    static final int HELD_BACK = 8192;

    private static final Logger log = LoggerFactory.getLogger(CsvDownload.class);

    /** What the export writes; the writer may be closed by the content (a CSV printer closes it). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out);
    }

    private CsvDownload() {
    }

    /** A download of the file {@code fileName} (text/csv, UTF-8) with what {@code content} writes. */
    public static DownloadHandler of(String fileName, Content content) {
        return event -> answer(event, fileName, content);
    }

    static void answer(DownloadEvent event, String fileName, Content content) throws IOException {
        // a long export shows on its link that it is being prepared, and the link takes no second click meanwhile
        busy(event, true);
        try {
            HeldBackWriter out = new HeldBackWriter(event, fileName);
            try {
                content.writeTo(out);
            } catch (RuntimeException failure) {
                failed(event, fileName, out, failure);
                return;
            }
            out.finish();
        } finally {
            busy(event, false);
        }
    }

    private static void busy(DownloadEvent event, boolean busy) {
        UI ui = event.getUI();
        Element link = event.getOwningElement();
        if (ui == null || link == null) {
            return;
        }
        ui.access(() -> {
            if (busy) {
                link.setAttribute("aria-busy", "true");
            } else {
                link.removeAttribute("aria-busy");
            }
        });
    }

    private static void failed(DownloadEvent event, String fileName, HeldBackWriter out, RuntimeException failure)
            throws IOException {
        if (ClientGone.is(failure)) {
            // the person cancelled the download or closed the tab: nothing to answer and nothing wrong
            log.debug("Export {} broken off by the client: {}", fileName, ClientGone.describe(failure));
            return;
        }
        String key = KontorErrorHandler.messageKeyFor(failure);
        if (out.started()) {
            // the file's first bytes and its status are gone: the download ends short, which the browser shows
            if (key != null || failure instanceof UncheckedIOException) {
                log.warn("Export {} broken off: {}", fileName, failure.getMessage());
            } else {
                log.error("Export {} failed while being written", fileName, failure);
            }
            return;
        }
        if (key == null) {
            log.error("Export {} failed", fileName, failure);
            refuse(event, HttpStatusCode.INTERNAL_SERVER_ERROR.getCode(), "error.unexpected");
        } else {
            log.warn("Export {} refused: {}", fileName, failure.getMessage());
            refuse(event, HttpStatusCode.FORBIDDEN.getCode(), key);
        }
    }

    private static void refuse(DownloadEvent event, int status, String key) throws IOException {
        event.getResponse().setStatus(status);
        UI ui = event.getUI();
        if (ui == null) {
            return;
        }
        event.getResponse().setContentType("text/plain; charset=UTF-8");
        OutputStream body = event.getResponse().getOutputStream();
        body.write(ui.getTranslation(key).getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    /**
     * Holds the start of the file back and sends nothing, not even the file name, until more than {@link #HELD_BACK}
     * characters are written or the content has ended; closing by the content is ignored, the answer is closed here.
     */
    private static final class HeldBackWriter extends Writer {

        private final DownloadEvent event;
        private final String fileName;
        private final StringBuilder held = new StringBuilder();
        private Writer target;

        HeldBackWriter(DownloadEvent event, String fileName) {
            this.event = event;
            this.fileName = fileName;
        }

        boolean started() {
            return target != null;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (target != null) {
                target.write(chars, offset, length);
                return;
            }
            held.append(chars, offset, length);
            if (held.length() > HELD_BACK) {
                start();
            }
        }

        @Override
        public void flush() throws IOException {
            if (target != null) {
                target.flush();
            }
        }

        @Override
        public void close() {
            // the content closes its printer also when it fails; the answer is finished or refused by the caller
        }

        void finish() throws IOException {
            if (target == null) {
                start();
            }
            target.close();
        }

        private void start() throws IOException {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=UTF-8");
            target = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            target.write(held.toString());
            held.setLength(0);
        }
    }
}
