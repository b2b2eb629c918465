package dev.kontor.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import dev.kontor.security.SecondFactors;
import dev.kontor.security.SecondStep;
import dev.kontor.security.SecondStepAccess;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import dev.kontor.testing.ViewTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

@ViewTest
class SecondStepViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    SecondStep secondStep;

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void without_a_password_step_the_page_says_to_sign_in_again() {
        navigate(SecondStepView.class);
        assertThat(find(Paragraph.class).withId("second-step-expired").single().getText())
                .isEqualTo("The sign-in took too long. Please sign in again.");
        assertThat(find(TextField.class).withId("second-step-code").exists()).isFalse();
    }

    @Test
    void a_wrong_code_is_said_next_to_the_field_and_signs_nobody_in() {
        String email = fixtures.person("Wanda");
        fixtures.signIn(email);
        String secret = secondFactors.startSetUp().secret();
        secondFactors.finishSetUp(TotpCodes.now(secret, clock));
        clock.advance(Duration.ofSeconds(30));
        // the password was right: the step waits in this browser's session
        SecondStepAccess.passwordAccepted(secondStep, VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                SecurityContextHolder.getContext().getAuthentication());
        navigate(SecondStepView.class);
        assertThat(find(Checkbox.class).withId("second-step-remember").single().getLabel())
                .isEqualTo("Remember this browser for 30 days");

        String right = TotpCodes.now(secret, clock);
        test(find(TextField.class).withId("second-step-code").single()).setValue(
                "000000".equals(right) ? "111111" : "000000");
        test(find(Button.class).withId("second-step-submit").single()).click();
        TextField code = find(TextField.class).withId("second-step-code").single();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("This code is not valid");
        // (the right code changes the session id, which the browserless request cannot: SecondStepTest and
        // SecondFactorJourneyIT sign in with it)
        assertThat(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();

    }
}
