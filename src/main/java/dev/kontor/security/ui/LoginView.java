package dev.kontor.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import dev.kontor.base.ui.LanguageSwitch;
import dev.kontor.base.ui.StartPage;
import dev.kontor.security.SignInFailureKeepsEmail;
import java.util.Optional;

/**
 * The sign-in page. Every failure (unknown address, wrong password, locked account) shows the same message, so that
 * the page tells an attacker nothing about which addresses exist.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph serverChanged = new Paragraph();
    private final Paragraph expired = new Paragraph();
    private final LoginI18n texts;
    private final AuthenticationContext authenticationContext;

    public LoginView(AuthenticationContext authenticationContext, LanguageSwitch languageSwitch) {
        this.authenticationContext = authenticationContext;
        addClassName("login-view");

        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        texts = i18n();
        form.setI18n(texts);

        // a browser whose server went down, sent here by ServerChangedSignIn
        serverChanged.setId("server-changed");
        serverChanged.setText(getTranslation("login.server-changed"));
        serverChanged.addClassName("login-notice");
        serverChanged.getElement().setAttribute("role", "status");
        serverChanged.setVisible(false);

        // a sign-in posted from a page whose session had ended, sent here by SignInPageExpired
        expired.setId("sign-in-expired");
        expired.setText(getTranslation("login.expired"));
        expired.addClassName("login-notice");
        expired.getElement().setAttribute("role", "status");
        expired.setVisible(false);

        add(brand, tagline, serverChanged, expired, form, languageSwitch);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.email"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.email-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }

    LoginI18n texts() {
        return texts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            StartPage.forwardTo(event);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean unavailable = parameters.containsKey("unavailable");
        boolean failed = parameters.containsKey("error") || unavailable;
        if (unavailable) {
            // not the wrong-password text: retyping would not help, and nothing about the account is said either
            texts.getErrorMessage().setTitle(getTranslation("login.unavailable.title"));
            texts.getErrorMessage().setMessage(getTranslation("login.unavailable.message"));
            form.setI18n(texts);
        }
        form.setError(failed);
        serverChanged.setVisible(parameters.containsKey("server-changed") && !failed);
        expired.setVisible(parameters.containsKey("expired") && !failed);
        if (failed) {
            typedEmail().ifPresent(this::fillInEmail);
        }
    }

    /** The address of the failed attempt, taken once from this browser's session. */
    private static Optional<String> typedEmail() {
        WrappedSession session = VaadinSession.getCurrent() == null ? null
                : VaadinSession.getCurrent().getSession();
        if (session == null) {
            return Optional.empty();
        }
        Object typed = session.getAttribute(SignInFailureKeepsEmail.TYPED_EMAIL);
        session.removeAttribute(SignInFailureKeepsEmail.TYPED_EMAIL);
        return typed instanceof String email ? Optional.of(email) : Optional.empty();
    }

    /** The form has no API for it: its address field is set in the browser, as a value, never as markup. */
    private void fillInEmail(String email) {
        form.getElement().executeJs("customElements.whenDefined('vaadin-login-form').then(() =>"
                + " requestAnimationFrame(() => { const field = this.querySelector('[name=username]');"
                + " if (field) { field.value = $0; const password = this.querySelector('[name=password]');"
                + " if (password) { password.focus(); } } }))", email);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
