package dev.kontor.invitation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;

/**
 * "Sign in to accept": an address that requires sign-in and leads back to the invitation page. A signed-out visitor is
 * sent to the sign-in page by Vaadin's navigation access control, which remembers this address and returns here
 * after sign-in; a signed-in person is forwarded to the invitation page at once, now answering as themselves.
 */
@Route(value = "invitation/:token/sign-in", autoLayout = false)
@PermitAll
public class InvitationSignIn extends Div implements BeforeEnterObserver {

    static String pathFor(String token) {
        return "invitation/" + token + "/sign-in";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        event.forwardTo(InvitationView.class, new RouteParameters("token", token));
    }
}
