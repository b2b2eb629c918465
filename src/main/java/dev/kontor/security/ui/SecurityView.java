package dev.kontor.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.kontor.base.ui.OwnSecurityPage;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Moments;
import dev.kontor.security.SecondFactors;
import dev.kontor.security.SignInFactors;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.regex.Pattern;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The signed-in person's own security: setting up an authenticator app (a QR code drawn on the server and the secret
 * in text, finished with a code), its recovery codes (shown once, renewed for a current code), turning it off (for a
 * current code or a recovery code), and the browsers that skip the code at sign-in.
 */
@Route(SignInFactors.SECURITY_PAGE)
@PermitAll
public class SecurityView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver,
        OwnSecurityPage {

    private static final Pattern CONTINUABLE = Pattern.compile("access/[A-Za-z0-9-]{1,32}");


    private final transient SecondFactors secondFactors;
    private final Div authenticator = new Div();
    private final Div browsers = new Div();
    private final H2 browsersHeading = new H2();
    private final Paragraph continueReason = new Paragraph();
    private String continueTo;

    public SecurityView(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        setId("security-view");
        authenticator.setId("second-factor");
        browsers.setId("remembered-browsers");
        continueReason.setId("second-factor-needed");
        continueReason.setVisible(false);
        browsersHeading.setText(getTranslation("security.browsers.heading"));
        add(continueReason, new H2(getTranslation("security.second-factor.heading")), authenticator,
                browsersHeading, browsers);
    }

    /** A row of buttons with a gap between them: side by side they must not touch (or read as one). */
    private static Div buttons(Button... buttons) {
        Div row = new Div(buttons);
        row.addClassName("section-buttons");
        return row;
    }

    private void showStatus() {
        SecondFactors.Status status = secondFactors.status();
        authenticator.removeAll();
        browsers.removeAll();
        if (status.active()) {
            // the day in the reader's own zone, like every moment on a page
            Paragraph state = new Paragraph(getTranslation("security.second-factor.active",
                    Moments.date(status.activeSince(), getLocale()), status.recoveryCodesLeft()));
            state.setId("second-factor-state");
            Button renew = new Button(getTranslation("security.second-factor.renew"));
            renew.setId("second-factor-renew");
            Button turnOff = new Button(getTranslation("security.second-factor.turn-off"));
            turnOff.setId("second-factor-turn-off");
            turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
            // what a rule requires cannot be turned off (the service refuses it too): say so instead of offering it
            turnOff.setVisible(!status.required());
            Paragraph requiredNote = new Paragraph(getTranslation("security.second-factor.turn-off-required"));
            requiredNote.setId("second-factor-required");
            requiredNote.addClassName("hint");
            requiredNote.setVisible(status.required());
            if (!SignInFactors.secondFactorInThisSignIn()) {
                // signed in before the app was set up (or elsewhere): a code makes this sign-in one with it
                Paragraph notHere = new Paragraph(getTranslation("security.second-factor.not-in-this-sign-in"));
                notHere.setId("second-factor-not-in-this-sign-in");
                TextField code = currentCodeField();
                Button confirm = new Button(getTranslation("security.second-factor.confirm-sign-in"),
                        click -> act(code, () -> {
                            secondFactors.confirmThisSignIn(code.getValue());
                            goOn();
                        }));
                confirm.setId("second-factor-confirm");
                confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                // the field's own action, as Enter finishes the set-up
                confirm.addClickShortcut(Key.ENTER).listenOn(code);
                renew.addClickListener(click -> askCode(false, code.getValue()));
                turnOff.addClickListener(click -> askCode(true, code.getValue()));
                authenticator.add(state, notHere, code, buttons(confirm, renew, turnOff), requiredNote);
            } else {
                renew.addClickListener(click -> askCode(false, ""));
                turnOff.addClickListener(click -> askCode(true, ""));
                authenticator.add(state, buttons(renew, turnOff), requiredNote);
            }
        } else {
            Paragraph state = new Paragraph(getTranslation("security.second-factor.inactive"));
            state.setId("second-factor-state");
            Button start = new Button(getTranslation("security.second-factor.start"), click -> startSetUp());
            start.setId("second-factor-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            authenticator.add(state, start);
        }
        // a browser skips only the second factor's code: without one, "no browser skips the code" tells nothing
        boolean browsersMatter = status.active() || status.rememberedBrowsers() > 0;
        browsersHeading.setVisible(browsersMatter);
        browsers.setVisible(browsersMatter);
        Paragraph remembered = new Paragraph(getTranslation("security.browsers.count", status.rememberedBrowsers()));
        remembered.setId("remembered-browsers-count");
        browsers.add(remembered);
        if (status.rememberedBrowsers() > 0) {
            Button forget = new Button(getTranslation("security.browsers.forget"), click -> {
                secondFactors.forgetBrowsers();
                showStatus();
            });
            forget.setId("remembered-browsers-forget");
            browsers.add(forget);
        }
        FormRules.explainConstraints(authenticator);
    }

    /**
     * One step for one action: a code field whose Enter does that action and whose Esc goes back, as in the set-up.
     * A field shared by several buttons could not know which of them Enter should press, least of all "Turn off".
     */
    private void askCode(boolean turningOff, String typed) {
        authenticator.removeAll();
        Paragraph intro = new Paragraph(getTranslation(turningOff ? "security.second-factor.turn-off-intro"
                : "security.second-factor.renew-intro"));
        intro.setId("second-factor-action-intro");
        TextField code = currentCodeField();
        code.setValue(typed);
        Button action = new Button(getTranslation(turningOff ? "security.second-factor.turn-off"
                : "security.second-factor.renew"), click -> act(code, turningOff ? () -> {
                    secondFactors.turnOff(code.getValue());
                    showStatus();
                    // the pressed button is gone: the focus goes to the one that sets an app up again
                    authenticator.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                            .findFirst().ifPresent(Button::focus);
                } : () -> showRecoveryCodes(secondFactors.renewRecoveryCodes(code.getValue()))));
        action.setId(turningOff ? "second-factor-turn-off-now" : "second-factor-renew-now");
        action.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (turningOff) {
            action.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        action.addClickShortcut(Key.ENTER).listenOn(code);
        Button cancel = new Button(getTranslation("security.second-factor.cancel"), click -> showStatus());
        cancel.setId("second-factor-action-cancel");
        cancel.addClickShortcut(Key.ESCAPE).listenOn(code);
        authenticator.add(intro, code, buttons(action, cancel));
        FormRules.explainConstraints(authenticator);
        code.focus();
    }

    private TextField currentCodeField() {
        TextField code = codeField("second-factor-current-code", getTranslation("security.second-factor.current-code"));
        code.setHelperText(getTranslation("security.second-factor.current-code-help"));
        return code;
    }

    private void startSetUp() {
        SecondFactors.SetUp setUp = secondFactors.startSetUp();
        authenticator.removeAll();
        TextField code = codeField("second-factor-code", getTranslation("security.second-factor.code"));
        Button finish = new Button(getTranslation("security.second-factor.finish"),
                click -> act(code, () -> showRecoveryCodes(secondFactors.finishSetUp(code.getValue()))));
        finish.setId("second-factor-finish");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the code is the form's last field: Enter in it finishes, like a form's main button
        finish.addClickShortcut(Key.ENTER).listenOn(code);
        Button cancel = new Button(getTranslation("security.second-factor.cancel"), click -> showStatus());
        cancel.setId("second-factor-cancel");
        authenticator.add(AuthenticatorSetUp.parts(this, setUp));
        authenticator.add(code, buttons(finish, cancel));
        FormRules.explainConstraints(authenticator);
        code.focus();
    }

    private void showRecoveryCodes(List<String> codes) {
        authenticator.removeAll();
        UnorderedList list = new UnorderedList(codes.stream().map(ListItem::new).toArray(ListItem[]::new));
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        Button done = new Button(getTranslation("security.recovery-codes.done"), click -> goOn());
        done.setId("recovery-codes-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        authenticator.add(new Paragraph(getTranslation("security.recovery-codes.intro", codes.size())), list, done);
        done.focus();
    }

    private TextField codeField(String id, String label) {
        TextField code = new TextField(label);
        code.setId(id);
        code.setMaxLength(SecondFactors.CODE_MAX_LENGTH);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "text");
        code.setRequiredIndicatorVisible(true);
        return code;
    }

    private void act(TextField code, Runnable action) {
        code.setInvalid(false);
        // a refused code is emptied first, so that its message stays and the next code is typed fresh
        InputRefusals.of(this).anyOtherIn(code).beforeShowing(() -> code.setValue("")).run(action);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        continueTo = event.getLocation().getQueryParameters().getSingleParameter(SignInFactors.SECURITY_PAGE_CONTINUE)
                .filter(path -> CONTINUABLE.matcher(path).matches()).orElse(null);
        continueReason.setText(getTranslation("security.second-factor.needed-to-enter"));
        continueReason.setVisible(continueTo != null && !SignInFactors.secondFactorInThisSignIn());
        showStatus();
    }

    /** On to the page that asked for a second factor once this sign-in has one; else the page as it is now. */
    private void goOn() {
        if (continueTo != null && SignInFactors.secondFactorInThisSignIn()) {
            getUI().ifPresent(ui -> ui.navigate(continueTo));
        } else {
            showStatus();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.title");
    }
}
