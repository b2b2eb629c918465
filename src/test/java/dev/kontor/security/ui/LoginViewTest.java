package dev.kontor.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinSession;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.security.SignInFailureKeepsEmail;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.ViewTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void a_signed_out_visitor_who_opens_the_dashboard_lands_on_sign_in() {
        LoginView view = navigate("", LoginView.class);

        LoginForm form = find(LoginForm.class).single();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat(view.texts().getForm().getUsername()).isEqualTo("E-mail");
    }

    @Test
    @WithAnonymousUser
    void a_failed_sign_in_shows_one_generic_message() {
        UI.getCurrent().navigate(LoginView.class, QueryParameters.simple(Map.of("error", "")));
        LoginView view = (LoginView) getCurrentView();

        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(view.texts().getErrorMessage().getTitle()).isEqualTo("Sign-in failed");
        assertThat(view.texts().getErrorMessage().getMessage()).contains("waits a little longer, at most a minute",
                "an e-mail then brings a link");
    }

    @Test
    @WithAnonymousUser
    void a_sign_in_the_server_could_not_handle_says_so_and_to_try_again_shortly() {
        UI.getCurrent().navigate(LoginView.class, QueryParameters.simple(Map.of("unavailable", "")));
        LoginView view = (LoginView) getCurrentView();

        assertThat(find(LoginForm.class).single().isError()).isTrue();
        assertThat(view.texts().getErrorMessage().getTitle()).isEqualTo("Kontor cannot sign you in right now");
        assertThat(view.texts().getErrorMessage().getMessage()).contains("not a wrong address or password",
                "try again in a few minutes");
    }

    @Test
    @WithAnonymousUser
    void a_failed_sign_in_fills_in_the_typed_address_once() {
        VaadinSession.getCurrent().getSession().setAttribute(SignInFailureKeepsEmail.TYPED_EMAIL, "ben@example.com");

        UI.getCurrent().navigate(LoginView.class, QueryParameters.simple(Map.of("error", "")));

        // the form has no field on the server: the address goes to the browser as a value of the page's script
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .flatExtracting(script -> script.getInvocation().getParameters()).containsOnlyOnce("ben@example.com");
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(SignInFailureKeepsEmail.TYPED_EMAIL))
                .isNull();
    }

    @Test
    @WithAnonymousUser
    void a_browser_whose_server_went_down_is_told_why_it_must_sign_in_again_and_that_its_saved_data_is_kept() {
        navigate("login", LoginView.class);
        assertThat(find(Paragraph.class).withId("server-changed").exists()).as("only when sent for it").isFalse();

        UI.getCurrent().navigate(LoginView.class, QueryParameters.simple(Map.of("server-changed", "")));

        Paragraph notice = find(Paragraph.class).withId("server-changed").single();
        assertThat(notice.getText()).isEqualTo("You were signed out because the server you were working on is no"
                + " longer available and Kontor moved you to another one. Everything you saved is kept. Sign in"
                + " again to go on.");
        assertThat(find(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void a_sign_in_sent_from_a_page_open_too_long_is_told_why_it_must_sign_in_again() {
        navigate("login", LoginView.class);
        assertThat(find(Paragraph.class).withId("sign-in-expired").exists()).as("only when sent for it").isFalse();

        UI.getCurrent().navigate(LoginView.class, QueryParameters.simple(Map.of("expired", "")));

        Paragraph notice = find(Paragraph.class).withId("sign-in-expired").single();
        assertThat(notice.getText()).isEqualTo("This sign-in page was open too long, so your sign-in was not sent."
                + " Please sign in again.");
        assertThat(notice.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(find(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_signed_in_person_is_sent_on_to_the_dashboard() {
        navigate("login", DashboardView.class);
    }
}
