package dev.kontor.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import dev.kontor.security.SignInFactors;
import org.springframework.modulith.NamedInterface;

/**
 * The way other features lead to the sign-in page and to the page of one's own sign-in factors: by their views,
 * so that a route is written once, on the view.
 */
@NamedInterface("navigation")
public final class SecurityNavigation {

    private SecurityNavigation() {
    }

    /** The sign-in page's address ({@code login}), for a link that loads the page afresh. */
    public static String signInHref() {
        return RouteConfiguration.forApplicationScope().getUrl(LoginView.class);
    }

    /**
     * Instead of the page being entered, the security page, which asks for a second factor for this sign-in and then
     * goes on to {@code continueTo} (a path the security page accepts to go on to).
     */
    public static void forwardToSecurityPage(BeforeEnterEvent event, String continueTo) {
        event.forwardTo(SecurityView.class, QueryParameters.of(SignInFactors.SECURITY_PAGE_CONTINUE, continueTo));
    }
}
