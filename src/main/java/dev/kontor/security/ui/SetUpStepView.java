package dev.kontor.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
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
import dev.kontor.security.SecondFactorDemand;
import dev.kontor.security.SecondFactors;
import dev.kontor.security.SecondStep;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in step of a person who must have a second factor and has none: after the password, they set up an
 * authenticator app here (the same QR code, link to the app, secret and code as on the Security page: {@link AuthenticatorSetUp}) and are signed in only when a
 * code from it is right. Until then the session is not signed in, so no other page or service answers it.
 */
@Route(value = "sign-in/set-up", autoLayout = false)
@AnonymousAllowed
public class SetUpStepView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SecondStep secondStep;
    private final transient AuthenticationContext authenticationContext;

    public SetUpStepView(SecondStep secondStep, AuthenticationContext authenticationContext,
                         LanguageSwitch languageSwitch) {
        super(languageSwitch);
        this.secondStep = secondStep;
        this.authenticationContext = authenticationContext;
        setId("set-up-step-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            StartPage.forwardTo(event);
            return;
        }
        content.removeAll();
        List<SecondFactorDemand.Reason> reasons = secondStep.setUpReasons(VaadinServletRequest.getCurrent()
                .getHttpServletRequest());
        Optional<SecondFactors.SetUp> setUp = reasons.isEmpty() ? Optional.empty()
                : secondStep.startSetUp(VaadinServletRequest.getCurrent().getHttpServletRequest());
        if (setUp.isEmpty()) {
            showExpired();
            return;
        }
        UnorderedList why = new UnorderedList(reasons.stream().map(reason -> new ListItem(said(reason)))
                .toArray(ListItem[]::new));
        why.setId("set-up-step-reasons");
        TextField code = new TextField(getTranslation("security.second-factor.code"));
        code.setId("second-factor-code");
        code.setMaxLength(SecondFactors.CODE_MAX_LENGTH);
        code.setRequiredIndicatorVisible(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("autocapitalize", "off");
        code.getElement().setAttribute("spellcheck", "false");
        Button finish = new Button(getTranslation("security.second-factor.finish"), click -> finish(code));
        finish.setId("second-factor-finish");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finish.addClickShortcut(Key.ENTER);
        Anchor back = new Anchor(SecurityNavigation.signInHref(), getTranslation("second-step.cancel"));
        back.setId("set-up-step-cancel");
        back.setRouterIgnore(true);
        boolean whileSignedIn = secondStep.askedWhileSignedIn(VaadinServletRequest.getCurrent()
                .getHttpServletRequest());
        Paragraph intro = new Paragraph(getTranslation(whileSignedIn ? "set-up-step.intro-while-signed-in"
                : "set-up-step.intro"));
        intro.setId("set-up-step-intro");
        content.add(new H2(getTranslation("set-up-step.title")), intro, why);
        content.add(AuthenticatorSetUp.parts(this, setUp.get()));
        content.add(code, new Div(finish), back);
        FormRules.explainConstraints(content);
        code.focus();
    }

    /** A reason in words, naming whoever asks: "Acme GmbH and Beta AG require ...". */
    private String said(SecondFactorDemand.Reason reason) {
        List<String> names = reason.names();
        if (names.isEmpty()) {
            return getTranslation(reason.key());
        }
        String named = names.size() == 1 ? names.getFirst() : getTranslation("second-factor.reason.organizations.and",
                String.join(", ", names.subList(0, names.size() - 1)), names.getLast());
        return getTranslation(reason.key(), names.size(), named);
    }

    private void finish(TextField code) {
        SecondStep.Outcome outcome = secondStep.finishSetUp(VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(), code.getValue());
        switch (outcome) {
            case SecondStep.SetUpFinished finished -> showRecoveryCodes(finished);
            case SecondStep.WrongCode wrong -> refuse(code, getTranslation("security.second-factor.wrong-code"));
            case SecondStep.Throttled throttled -> refuse(code, getTranslation("second-step.throttled",
                    throttled.seconds()));
            case SecondStep.Expired expired -> showExpired();
            case SecondStep.SignedIn signedIn -> getUI().ifPresent(ui -> ui.getPage().setLocation(signedIn.target()));
        }
    }

    /** Signed in already: the codes are shown this once, then the page asked for before sign-in opens. */
    private void showRecoveryCodes(SecondStep.SetUpFinished finished) {
        content.removeAll();
        UnorderedList list = new UnorderedList(finished.recoveryCodes().stream().map(ListItem::new)
                .toArray(ListItem[]::new));
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        Button done = new Button(getTranslation("security.recovery-codes.done"),
                click -> getUI().ifPresent(ui -> ui.getPage().setLocation(finished.target())));
        done.setId("recovery-codes-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(new H2(getTranslation("set-up-step.title")), new Paragraph(getTranslation(
                "security.recovery-codes.intro", finished.recoveryCodes().size())), list, done);
        done.focus();
    }

    private void refuse(TextField code, String message) {
        SignInStepParts.refuse(code, message);
    }

    private void showExpired() {
        SignInStepParts.showExpired(this, content, "set-up-step.title", "set-up-step");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("set-up-step.title");
    }
}
