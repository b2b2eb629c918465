package dev.kontor.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.WithCompletedSignIn;
import dev.kontor.testing.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Entering a customer account: one field, Enter enters, and the button cannot start a second session. */
@ViewTest
class AccessStartKeyboardTest extends SpringBrowserlessTest {

    @Autowired
    AccessSessions sessions;

    @Test
    @WithCompletedSignIn(DemoPeople.PARTNER_ADMIN)
    void enter_in_the_reason_enters_the_account_and_the_button_is_off_from_the_click_on() {
        navigate("access/CN-10001", AccessStartView.class);
        Button enter = find(Button.class).withId("enter-account").single();
        assertThat(enter.isDisableOnClick()).isTrue();
        TextField reason = find(TextField.class).withId("access-reason").single();
        test(reason).setValue("TICKET-12");

        ShortcutsKt._fireShortcut(reason, Key.ENTER);

        assertThat(getCurrentView()).isInstanceOf(DashboardView.class);
        assertThat(sessions.current()).isPresent();
        assertThat(test(enter).isUsable()).isFalse();
        sessions.leave();
    }
}
