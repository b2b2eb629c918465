package dev.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void a_well_formed_message_is_accepted_as_it_is() {
        MailMessage message = new MailMessage("invitation:1", "anna@sonnenschein.test", "Welcome", "Hello Anna");

        assertThat(message.recipient()).isEqualTo("anna@sonnenschein.test");
    }

    @Test
    void every_part_must_be_given() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage(" ", "a@b.test", "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", null, "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "a@b.test", "", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "a@b.test", "S", "\n"));
    }

    @Test
    void no_part_may_exceed_its_column() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k".repeat(201), "a@b.test", "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MailMessage("k", "a".repeat(250) + "@b.test", "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "a@b.test", "S".repeat(201), "B"));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MailMessage("k", "a@b.test", "S", "B".repeat(20_001)));
        assertThat(new MailMessage("k".repeat(200), "a@b.test", "S".repeat(200), "B".repeat(20_000)).body())
                .hasSize(20_000);
    }

    @Test
    void the_subject_is_one_line_so_it_cannot_smuggle_in_headers() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MailMessage("k", "a@b.test", "Hi\r\nBcc: victim@else.test", "B"));
    }

    @Test
    void the_recipient_is_one_bare_address() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "anna", "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "Anna <a@b.test>", "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "a@b.test, c@d.test", "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "a@b@c.test", "S", "B"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage("k", "a b@c.test", "S", "B"));
    }
}
