package dev.kontor.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.LanguageSwitch;
import dev.kontor.base.ui.PublicPage;
import dev.kontor.base.ui.StartPage;
import dev.kontor.security.SecondFactors;
import dev.kontor.security.SecondStep;

/**
 * The second sign-in step: the code from the authenticator app or a recovery code, after the password was right.
 * Open to anyone, since the person is not signed in yet; without a password step waiting (or after five minutes) it
 * says to sign in again. Every wrong code gets the same answer.
 */
@Route(value = "sign-in/code", autoLayout = false)
@AnonymousAllowed
public class SecondStepView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SecondStep secondStep;
    private final transient AuthenticationContext authenticationContext;
    private final TextField code = new TextField();
    private final Checkbox remember = new Checkbox();

    public SecondStepView(SecondStep secondStep, AuthenticationContext authenticationContext,
                          LanguageSwitch languageSwitch) {
        super(languageSwitch);
        this.secondStep = secondStep;
        this.authenticationContext = authenticationContext;
        setId("second-step-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            StartPage.forwardTo(event);
            return;
        }
        content.removeAll();
        if (!secondStep.pending(VaadinServletRequest.getCurrent().getHttpServletRequest())) {
            showExpired();
            return;
        }
        code.setId("second-step-code");
        code.setLabel(getTranslation("second-step.code"));
        code.setMaxLength(SecondFactors.CODE_MAX_LENGTH);
        code.setRequiredIndicatorVisible(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("autocapitalize", "off");
        code.getElement().setAttribute("spellcheck", "false");
        remember.setId("second-step-remember");
        remember.setLabel(getTranslation("second-step.remember"));
        Button submit = new Button(getTranslation("second-step.submit"), click -> submit());
        submit.setId("second-step-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Anchor back = new Anchor(SecurityNavigation.signInHref(), getTranslation("second-step.cancel"));
        back.setId("second-step-cancel");
        back.setRouterIgnore(true);
        content.add(new H2(getTranslation("second-step.title")), new Paragraph(getTranslation("second-step.intro")),
                code, remember, submit, back);
        FormRules.explainConstraints(content);
        code.focus();
    }

    private void submit() {
        SecondStep.Outcome outcome = secondStep.submit(VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(), code.getValue(), remember.getValue());
        switch (outcome) {
            case SecondStep.SignedIn signedIn -> getUI().ifPresent(ui -> ui.getPage().setLocation(signedIn.target()));
            case SecondStep.WrongCode wrong -> refuse(getTranslation("second-step.wrong-code"));
            case SecondStep.Throttled throttled -> refuse(getTranslation("second-step.throttled",
                    throttled.seconds()));
            case SecondStep.Expired expired -> showExpired();
            case SecondStep.SetUpFinished finished -> getUI().ifPresent(ui -> ui.getPage().setLocation(
                    finished.target()));
        }
    }

    private void refuse(String message) {
        SignInStepParts.refuse(code, message);
    }

    private void showExpired() {
        SignInStepParts.showExpired(this, content, "second-step.title", "second-step");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-step.title");
    }
}
