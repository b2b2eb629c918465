package dev.kontor.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import dev.kontor.base.SupportedLanguages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The browser's own messages for a lost session or server speak the page's language and say what is kept. */
class ConnectionMessagesTest {

    private final ConnectionMessages messages = new ConnectionMessages(
            new DefaultI18NProvider(SupportedLanguages.ALL));

    @Test
    void a_page_signed_out_because_its_server_changed_says_so_and_that_everything_saved_is_kept() {
        SystemMessages english = messages.messages(new SystemMessagesInfo(Locale.US, null, null));

        assertThat(english.isSessionExpiredNotificationEnabled()).as("shown, not a silent reload").isTrue();
        assertThat(english.getSessionExpiredCaption()).isEqualTo("You have been signed out");
        assertThat(english.getSessionExpiredMessage()).contains("server you were working on changed",
                "Everything you saved is kept", "sign in again");
        assertThat(english.getSessionExpiredURL()).as("the same page again, which leads to sign-in").isNull();
    }

    @Test
    void a_german_page_says_it_in_german() {
        SystemMessages german = messages.messages(new SystemMessagesInfo(Locale.GERMANY, null, null));

        assertThat(german.getSessionExpiredCaption()).isEqualTo("Sie wurden abgemeldet");
        assertThat(german.getSessionExpiredMessage()).contains("Alles, was Sie gespeichert haben, bleibt erhalten");
        assertThat(german.getInternalErrorCaption()).isEqualTo("Auf dem Server ist ein Fehler aufgetreten");
        assertThat(german.getCookiesDisabledMessage()).contains("Cookie");
    }

    @Test
    void a_language_kontor_lacks_gets_english() {
        assertThat(messages.messages(new SystemMessagesInfo(Locale.JAPANESE, null, null)).getSessionExpiredCaption())
                .isEqualTo("You have been signed out");
    }
}
