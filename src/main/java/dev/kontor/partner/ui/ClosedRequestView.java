package dev.kontor.partner.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.ClosedLinkPage;
import dev.kontor.partner.RequestLinkState;
import dev.kontor.security.ui.SecurityNavigation;

/**
 * The page for a partner request link that no longer works: expired, answered, withdrawn or replaced (410 Gone), or
 * unknown, as a forged or mistyped link is (404), each with what to do next.
 */
@AnonymousAllowed
public class ClosedRequestView extends ClosedLinkPage implements HasErrorParameter<ClosedRequest> {

    public ClosedRequestView() {
        super("request-closed", "partner-answer.to-sign-in-page", SecurityNavigation.signInHref());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ClosedRequest> parameter) {
        RequestLinkState state = parameter.getException().state();
        return show("partner-answer.state.", state, state == RequestLinkState.UNKNOWN);
    }
}
