package dev.kontor.security.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.security.SecondStep;
import dev.kontor.security.SecondStepAccess;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import dev.kontor.testing.ViewTest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

@ViewTest
class SetUpStepViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    SecondStep secondStep;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    SecondFactorPolicy policy;

    @AfterEach
    void signOut() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void without_a_password_step_the_page_says_to_sign_in_again() {
        navigate(SetUpStepView.class);
        assertThat(find(Paragraph.class).withId("set-up-step-expired").single().getText())
                .isEqualTo("The sign-in took too long. Please sign in again.");
        assertThat(find(Span.class).withId("second-factor-secret").exists()).isFalse();
    }

    @Test
    void support_staff_see_why_set_up_the_app_and_a_wrong_code_signs_nobody_in() {
        String email = fixtures.person("Selma");
        long userId = fixtures.userIdOf(email);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + UUID.randomUUID().toString()
                .substring(0, 8));
        onboarding.grant(TestTasks.setUp(), userId, provider.getId(), MembershipRole.SUPPORT);
        fixtures.signIn(email);
        // the password was right: the step waits in this browser's session
        SecondStepAccess.passwordAccepted(secondStep, VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                SecurityContextHolder.getContext().getAuthentication());
        navigate(SetUpStepView.class);

        assertThat(find(UnorderedList.class).withId("set-up-step-reasons").single().getChildren()
                .map(item -> ((ListItem) item).getText()))
                .containsExactly("Support staff and provider administrators always sign in with a second factor.");
        String secret = find(Span.class).withId("second-factor-secret").single().getText().replace(" ", "");
        String right = TotpCodes.now(secret, clock);
        test(find(TextField.class).withId("second-factor-code").single()).setValue(
                "000000".equals(right) ? "111111" : "000000");
        test(find(Button.class).withId("second-factor-finish").single()).click();

        TextField code = find(TextField.class).withId("second-factor-code").single();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("This code is not valid");
        // (the right code changes the session id, which the browserless request cannot: SetUpStepTest and
        // SecondFactorJourneyIT sign in with it)
        assertThat(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
    }

    @Test
    void the_step_names_the_organization_that_requires_it_so_the_person_knows_why() {
        Fixtures.TestAccount account = fixtures.account("Vera");
        fixtures.as(account.email("Vera"), () -> policy.changeRequirement(account.id(), true));

        atTheSetUpStep(account.email("Vera"));

        assertThat(reasons()).containsExactly(account.label() + " requires a second factor (an authenticator app)"
                + " of everyone in it and in the organizations below.");
    }

    @Test
    void several_organizations_that_require_it_are_all_named_in_english_and_in_german() {
        Fixtures.TestAccount first = fixtures.account("Vera");
        Fixtures.TestAccount second = fixtures.account("Walt");
        String vera = first.email("Vera");
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(vera), second.id(), MembershipRole.MANAGER);
        fixtures.as(vera, () -> policy.changeRequirement(first.id(), true));
        fixtures.as(vera, () -> policy.changeRequirement(second.id(), true));
        List<String> named = Stream.of(first.label(), second.label()).sorted(String.CASE_INSENSITIVE_ORDER).toList();

        atTheSetUpStep(vera);
        assertThat(reasons()).containsExactly(named.getFirst() + " and " + named.getLast()
                + " require a second factor (an authenticator app) of everyone in them and in the organizations"
                + " below.");

        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(SetUpStepView.class);
        assertThat(reasons()).containsExactly(named.getFirst() + " und " + named.getLast()
                + " verlangen von allen, die ihnen oder einer Organisation darunter angehören, einen zweiten Faktor"
                + " (eine Authenticator-App).");
    }

    @Test
    void on_a_phone_the_set_up_step_opens_the_app_from_a_link_and_the_secret_can_be_copied_as_on_the_security_page() {
        Fixtures.TestAccount account = fixtures.account("Vera");
        fixtures.as(account.email("Vera"), () -> policy.changeRequirement(account.id(), true));

        atTheSetUpStep(account.email("Vera"));

        String secret = find(Span.class).withId("second-factor-secret").single().getText().replace(" ", "");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("second-factor-open-app").single()
                .getHref()).startsWith("otpauth://totp/").contains("secret=" + secret);
        assertThat(find(Button.class).withId("second-factor-copy-secret").single().getText())
                .isEqualTo("Copy secret");
    }

    /** Signs the person in with the password, which leaves them at the set-up step, and opens it. */
    private void atTheSetUpStep(String email) {
        fixtures.signIn(email);
        SecondStepAccess.passwordAccepted(secondStep, VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                SecurityContextHolder.getContext().getAuthentication());
        navigate(SetUpStepView.class);
    }

    private List<String> reasons() {
        return find(UnorderedList.class).withId("set-up-step-reasons").single().getChildren()
                .map(item -> ((ListItem) item).getText()).toList();
    }
}
