package dev.kontor.notice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.testing.DialogKeyboard;
import dev.kontor.testing.ViewTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Send is off while the server takes the notice, and ready again for the next one. */
@ViewTest
class NoticeSendButtonTest extends SpringBrowserlessTest {

    private static final String OPERATOR = "operator@kontor.test";

    @Test
    @WithUserDetails(OPERATOR)
    void send_is_off_from_the_click_until_the_answer_and_the_question_to_everyone_starts_on_cancel() {
        navigate(PlatformNoticesView.class);
        Button send = find(Button.class).withId("send-notice").single();
        assertThat(send.isDisableOnClick()).isTrue();

        test(send).click();
        assertThat(test(send).isUsable()).as("an empty form is refused; Send is ready for the next try").isTrue();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> kind = find(RadioButtonGroup.class).withId("notice-kind").single();
        test(kind).selectItem("Business");
        test(find(TextField.class).withId("notice-subject").single()).setValue("Everyone " + UUID.randomUUID());
        test(find(TextArea.class).withId("notice-body").single()).setValue("New terms from January.");
        test(send).click();

        ConfirmDialog question = find(ConfirmDialog.class).withId("confirm-send-notice").single();
        assertThat(DialogKeyboard.cancelsFirst(question)).isTrue();
        test(question).cancel();
        assertThat(test(send).isUsable()).isTrue();
    }
}
