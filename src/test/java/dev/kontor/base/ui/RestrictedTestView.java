package dev.kontor.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;

/** A page only Support may open, so that the tests can see how everyone else is turned away. */
@Route("test/support-only")
@RolesAllowed(Roles.SUPPORT)
public class RestrictedTestView extends Div {
}
