package dev.kontor.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import dev.kontor.security.SignInUnlocks;
import dev.kontor.security.UnlockLinks;
import dev.kontor.security.UnlockState;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.ViewTest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ViewTest
class SignInUnlockViewTest extends SpringBrowserlessTest {

    private static final Pattern UNLOCK_LINK = Pattern.compile("/sign-in/unlock/([A-Za-z0-9_-]{43})");

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignInUnlocks unlocks;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_link_unlocks_sign_in_for_this_browser_only_when_the_button_is_pressed() {
        String email = fixtures.person("Unlocked");
        String token = unlockLinkFor(email);

        navigate("sign-in/unlock/" + token, SignInUnlockView.class);
        // opening the page (as a mail scanner would) uses nothing
        assertThat(unlocks.preview(token)).isEqualTo(UnlockState.OPEN);
        assertThat(find(Paragraph.class).withId("unlock-text").single().getText()).contains("for this browser");

        test(find(Button.class).withId("unlock-sign-in").single()).click();

        assertThat(find(Paragraph.class).withId("unlock-done").single().getText())
                .contains("This browser can sign in at once now");
        assertThat(unlocks.preview(token)).isEqualTo(UnlockState.USED);
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(
                "dev.kontor.security.UnlockedBrowser")).isInstanceOfSatisfying(Map.class,
                unlocked -> assertThat(unlocked).containsKey(email));
    }

    @Test
    void a_forged_link_gets_a_clear_page() {
        navigate("sign-in/unlock/forged-token", ClosedUnlockView.class);

        assertThat(find(Paragraph.class).withId("unlock-closed").single().getText())
                .contains("This link is not valid", "works again after a short wait");
    }

    @Test
    void a_used_link_gets_a_page_that_says_so() {
        String token = unlockLinkFor(fixtures.person("Used"));
        assertThat(unlocks.unlock(token, "192.0.2.1").succeeded()).isTrue();

        navigate("sign-in/unlock/" + token, ClosedUnlockView.class);

        assertThat(find(Paragraph.class).withId("unlock-closed").single().getText()).contains("used already");
    }

    @Test
    void an_expired_link_gets_a_page_that_says_so_in_german_too() {
        String token = unlockLinkFor(fixtures.person("Expired"));
        clock.advance(Duration.ofMinutes(61));

        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate("sign-in/unlock/" + token, ClosedUnlockView.class);

        assertThat(find(Paragraph.class).withId("unlock-closed").single().getText())
                .contains("Dieser Link ist abgelaufen");
    }

    private String unlockLinkFor(String email) {
        UnlockLinks.mail(unlocks, email);
        Matcher link = UNLOCK_LINK.matcher(outbox.to(email).getLast().body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
