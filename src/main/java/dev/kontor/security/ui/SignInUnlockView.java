package dev.kontor.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.LanguageSwitch;
import dev.kontor.base.ui.PublicPage;
import dev.kontor.security.ClosedUnlockLink;
import dev.kontor.security.SignInUnlocks;
import dev.kontor.security.UnlockState;
import dev.kontor.security.UnlockedBrowser;

/**
 * The page an unlock link opens, without sign-in. Opening it changes nothing (mail scanners open links too); the
 * button uses the link and lets this browser sign in at once, without waiting. A used, expired or forged link gets
 * a page that says so.
 */
@Route(value = "sign-in/unlock/:token", autoLayout = false)
@AnonymousAllowed
public class SignInUnlockView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final SignInUnlocks unlocks;

    public SignInUnlockView(SignInUnlocks unlocks, LanguageSwitch languageSwitch) {
        super(languageSwitch);
        this.unlocks = unlocks;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        UnlockState state = unlocks.preview(token);
        if (state != UnlockState.OPEN) {
            event.rerouteToError(new ClosedUnlockLink(state), state.name());
            return;
        }
        content.removeAll();
        Paragraph text = new Paragraph(getTranslation("unlock.text"));
        text.setId("unlock-text");
        Button unlock = new Button(getTranslation("unlock.button"));
        unlock.setId("unlock-sign-in");
        unlock.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        SlowAction.on(unlock, () -> {
            unlock(token);
            return true;
        });
        content.add(new H2(getTranslation("unlock.title")), text, unlock);
    }

    private void unlock(String token) {
        VaadinRequest request = VaadinRequest.getCurrent();
        SignInUnlocks.Unlocked result = unlocks.unlock(token, request == null ? null : request.getRemoteAddr());
        content.removeAll();
        if (!result.succeeded()) {
            String key = "unlock.state." + result.state().name().toLowerCase(java.util.Locale.ROOT);
            Paragraph message = new Paragraph(getTranslation(key));
            message.setId("unlock-closed");
            content.add(new H2(getTranslation(key + ".title")), message,
                    new Anchor(SecurityNavigation.signInHref(), getTranslation("unlock.to-sign-in")));
            return;
        }
        UnlockedBrowser.remember(VaadinSession.getCurrent().getSession(), result.account(), result.until());
        Paragraph done = new Paragraph(getTranslation("unlock.done"));
        done.setId("unlock-done");
        Anchor signIn = new Anchor(SecurityNavigation.signInHref(), getTranslation("unlock.sign-in"));
        signIn.setId("unlock-to-sign-in");
        signIn.addClassName("primary-link");
        content.add(new H2(getTranslation("unlock.done.title")), done, signIn);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unlock.page-title");
    }
}
