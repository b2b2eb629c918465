package dev.kontor.invitation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.kontor.account.ManagerService;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Accepting with a new password takes a moment (the password is hashed slowly on purpose): the button is off from
 * the click on, ready again when the passwords do not match, and gone once the invitation is accepted.
 */
@ViewTest
class InvitationAcceptButtonTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ManagerService managers;
    @Autowired
    Outbox outbox;

    @Test
    void accept_is_ready_again_after_a_mismatch_and_cannot_accept_twice() {
        TestAccount account = fixtures.account("Alice");
        String email = "paula-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Paula Probe",
                Locale.ENGLISH));
        SecurityContextHolder.clearContext();
        navigate("invitation/" + outbox.invitationTokenFor(email), InvitationView.class);
        Button accept = find(Button.class).withId("accept-invitation").single();
        assertThat(accept.isDisableOnClick()).isTrue();
        PasswordField password = find(PasswordField.class).withId("new-password").single();
        PasswordField repeat = find(PasswordField.class).withId("repeat-password").single();

        test(password).setValue("quiet harbour lights at dawn");
        test(repeat).setValue("quiet harbour lights at dusk");
        test(accept).click();
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(test(accept).isUsable()).isTrue();

        test(repeat).setValue("quiet harbour lights at dawn");
        test(accept).click();
        assertThat(find(Paragraph.class).withId("invitation-accepted").exists()).isTrue();
        assertThat(test(accept).isUsable()).isFalse();
    }
}
