package dev.kontor.contact.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.ClosedLinkPage;
import dev.kontor.contact.ClosedEmailChange;
import dev.kontor.contact.EmailChangePreview;
import dev.kontor.security.ui.SecurityNavigation;

/** The page for a confirmation link that no longer works: expired (410 Gone) or unknown, as a forged one is (404). */
@AnonymousAllowed
public class ClosedEmailChangeView extends ClosedLinkPage implements HasErrorParameter<ClosedEmailChange> {

    public ClosedEmailChangeView() {
        super("email-change-closed", "invitation.to-sign-in", SecurityNavigation.signInHref());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ClosedEmailChange> parameter) {
        EmailChangePreview.State state = parameter.getException().state();
        return show(state == EmailChangePreview.State.EXPIRED ? "contact.confirm.expired" : "contact.confirm.unknown",
                state == EmailChangePreview.State.UNKNOWN);
    }
}
