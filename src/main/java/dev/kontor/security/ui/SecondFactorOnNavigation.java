package dev.kontor.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import dev.kontor.security.SecondStep;
import org.springframework.stereotype.Component;

/**
 * A person signed in with the password alone who becomes subject to a second-factor rule while signed in (their
 * organization switches its requirement on) is led to set one up on the next page they open, not only at their next
 * sign-in: before every navigation {@link SecondStep#stepWhileSignedIn} asks the rules again (nothing for a sign-in
 * made with a second factor), and when one holds the whole page goes to the set-up step, which the session then
 * cannot leave but by finishing it or signing out.
 */
@Component
class SecondFactorOnNavigation implements VaadinServiceInitListener {

    private final SecondStep secondStep;

    SecondFactorOnNavigation(SecondStep secondStep) {
        this.secondStep = secondStep;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null || response == null) {
            return;
        }
        secondStep.stepWhileSignedIn(request.getHttpServletRequest(), response.getHttpServletResponse())
                // a whole new page: the session is signed out of everything but the step now
                .ifPresent(page -> event.forwardToUrl(request.getContextPath() + page));
    }
}
