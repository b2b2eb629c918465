package dev.kontor.invitation.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.ClosedLinkPage;
import dev.kontor.invitation.ClosedInvitation;
import dev.kontor.invitation.InvitationState;
import dev.kontor.security.ui.SecurityNavigation;

/**
 * The page for an invitation link that no longer works: expired, used or revoked (410 Gone), or unknown, as a forged
 * or mistyped link is (404), each with what to do next.
 */
@AnonymousAllowed
public class ClosedInvitationView extends ClosedLinkPage implements HasErrorParameter<ClosedInvitation> {

    public ClosedInvitationView() {
        super("invitation-closed", "invitation.to-sign-in", SecurityNavigation.signInHref());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ClosedInvitation> parameter) {
        InvitationState state = parameter.getException().state();
        return show("invitation.state.", state, state == InvitationState.UNKNOWN);
    }
}
