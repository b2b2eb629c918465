package dev.kontor.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.ClosedLinkPage;
import dev.kontor.security.ClosedUnlockLink;
import dev.kontor.security.UnlockState;

/**
 * The page for an unlock link that does not work: used or expired (410 Gone), or unknown, as a forged or mistyped
 * link is (404), each saying that sign-in works again after a short wait anyway.
 */
@AnonymousAllowed
public class ClosedUnlockView extends ClosedLinkPage implements HasErrorParameter<ClosedUnlockLink> {

    public ClosedUnlockView() {
        super("unlock-closed", "unlock.to-sign-in", SecurityNavigation.signInHref());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ClosedUnlockLink> parameter) {
        UnlockState state = parameter.getException().state();
        return show("unlock.state.", state, state == UnlockState.UNKNOWN);
    }
}
