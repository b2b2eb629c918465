package dev.kontor.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a person out when Vaadin closes their idle session. With {@code vaadin.closeIdleSessions=true} Vaadin closes
 * a session whose last real request is older than the session timeout, however many heartbeats an open tab sent
 * since; but it only drops its own part of the HTTP session, and the heartbeats keep the HTTP session (and with it
 * the sign-in) alive. So the HTTP session is ended here, in the request that found the Vaadin session idle.
 */
@SpringComponent
class IdleSignOut implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSignOut.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request == null) {
                return; // the servlet container ended the HTTP session itself
            }
            WrappedSession session = request.getWrappedSession(false);
            if (session == null) {
                return;
            }
            try {
                session.invalidate();
                log.debug("Signed out an idle session");
            } catch (IllegalStateException endedAlready) {
                // signed out by other means in the same request
            }
        });
    }
}
