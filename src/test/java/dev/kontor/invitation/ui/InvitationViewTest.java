package dev.kontor.invitation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.kontor.account.ManagerService;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.InvitationState;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@ViewTest
class InvitationViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagerService managers;

    @Autowired
    InvitationService invitations;

    @Autowired
    Outbox outbox;

    @Test
    void a_forged_link_gets_a_clear_page() {
        navigate("invitation/forged-token", ClosedInvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-closed").single().getText())
                .contains("This link is not valid");
    }

    @Test
    void the_invited_person_sets_a_password_and_accepts() {
        String token = invitationToken();
        navigate("invitation/" + token, InvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-text").single().getText())
                .contains("Hello Petra Probe", "to manage the customer account Customer ");
        PasswordField password = find(PasswordField.class).withId("new-password").single();
        PasswordField repeat = find(PasswordField.class).withId("repeat-password").single();

        test(password).setValue("password1234");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("too easy to guess");

        test(password).setValue("blue harbour lanterns sing quietly");
        test(repeat).setValue("blue harbour lanterns sing quiet");
        test(find(Button.class).withId("accept-invitation").single()).click();
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.OPEN);

        test(repeat).setValue("blue harbour lanterns sing quietly");
        test(find(Button.class).withId("accept-invitation").single()).click();

        assertThat(find(Paragraph.class).withId("invitation-accepted").single().getText())
                .contains("You are now a manager of Customer ");
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.USED);
    }

    @Test
    void a_password_beyond_72_bytes_gets_a_clear_message_next_to_the_field_and_changes_nothing() {
        String token = invitationToken();
        navigate("invitation/" + token, InvitationView.class);
        PasswordField password = find(PasswordField.class).withId("new-password").single();
        PasswordField repeat = find(PasswordField.class).withId("repeat-password").single();
        assertThat(password.getMaxLength()).isEqualTo(72);

        // 64 characters but 73 bytes: bcrypt refused such passwords with "Something went wrong" before
        String umlauts = "Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!!";
        test(password).setValue(umlauts);
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("at most 72 bytes", "accented letter (ä, é) as two",
                "emoji as four");

        test(repeat).setValue(umlauts);
        test(find(Button.class).withId("accept-invitation").single()).click();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("at most 72 bytes");
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.OPEN);

        String emoji = "blue harbour lanterns sing quietly while seven copper kettles 🔑🔑🔑";
        test(password).setValue(emoji);
        assertThat(password.getErrorMessage()).contains("at most 72 bytes");

        String seventyTwo = "Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!";
        test(password).setValue(seventyTwo);
        assertThat(password.isInvalid()).isFalse();
        test(repeat).setValue(seventyTwo);
        test(find(Button.class).withId("accept-invitation").single()).click();
        assertThat(find(Paragraph.class).withId("invitation-accepted").single().getText())
                .contains("You are now a manager of Customer ");
    }

    @Test
    void the_length_message_is_german_for_german_readers() {
        String token = invitationToken();
        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.GERMAN);
        navigate("invitation/" + token, InvitationView.class);
        PasswordField password = find(PasswordField.class).withId("new-password").single();

        test(password).setValue("Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!!");

        assertThat(password.getErrorMessage()).contains("höchstens 72 Byte", "Umlaut oder Akzent (ä, é) doppelt",
                "Emoji vierfach");
    }

    @Test
    void a_used_link_gets_a_page_that_says_so() {
        String token = invitationToken();
        invitations.accept(token, "blue harbour lanterns sing quietly");

        navigate("invitation/" + token, ClosedInvitationView.class);

        assertThat(find(Paragraph.class).withId("invitation-closed").single().getText())
                .contains("accepted already");
    }

    private String invitationToken() {
        TestAccount account = fixtures.account("Alice");
        String email = "petra-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Petra Probe",
                Locale.ENGLISH));
        SecurityContextHolder.clearContext();
        return outbox.invitationTokenFor(email);
    }
}
