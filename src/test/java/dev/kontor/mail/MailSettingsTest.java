package dev.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private final MailSettings settings = new MailSettings("Kontor <no-reply@kontor.test>", 10,
            Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void the_pause_after_a_failure_starts_at_thirty_seconds_and_doubles_up_to_an_hour() {
        assertThat(settings.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryDelayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryDelayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryDelayAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(settings.retryDelayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retryDelayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void the_message_id_is_the_same_for_the_same_mail_and_differs_between_mails() {
        String first = MailDelivery.messageIdFor("invitation:1", "kontor.test");

        assertThat(first).matches("<[0-9a-f-]{36}@kontor\\.test>");
        assertThat(MailDelivery.messageIdFor("invitation:1", "kontor.test")).isEqualTo(first);
        assertThat(MailDelivery.messageIdFor("invitation:2", "kontor.test")).isNotEqualTo(first);
    }
}
