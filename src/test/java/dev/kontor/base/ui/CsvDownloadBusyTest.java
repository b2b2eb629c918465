package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An export marks its link busy while it is written, so that the link shows it and takes no second click. */
class CsvDownloadBusyTest {

    private final Element link = new Element("a");

    @AfterEach
    void forgetTheUi() {
        UI.setCurrent(null);
    }

    @Test
    void the_link_is_busy_while_the_file_is_written_and_free_again_afterwards_also_when_it_fails() throws IOException {
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(new ByteArrayOutputStream());
        UI ui = mock(UI.class);
        // the page applies the change as soon as the download thread hands it over
        when(ui.access(any())).thenAnswer(call -> {
            call.getArgument(0, Command.class).execute();
            return null;
        });
        when(ui.getTranslation(any(String.class))).thenReturn("refused");
        UI.setCurrent(ui);
        DownloadEvent event = new DownloadEvent(mock(VaadinRequest.class), response, mock(VaadinSession.class), link);
        List<String> whileWriting = new ArrayList<>();

        CsvDownload.of("contacts.csv", out -> whileWriting.add(link.getAttribute("aria-busy")))
                .handleDownloadRequest(event);
        assertThat(whileWriting).containsExactly("true");
        assertThat(link.hasAttribute("aria-busy")).isFalse();

        CsvDownload.of("contacts.csv", out -> {
            throw new dev.kontor.base.AccessRefused();
        }).handleDownloadRequest(event);
        assertThat(link.hasAttribute("aria-busy")).isFalse();
    }
}
