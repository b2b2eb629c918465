package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.base.ClientGone;
import dev.kontor.base.KontorException;
import dev.kontor.base.StaleData;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one place where failures in a view become messages: a refusal by a service shows its own message, a concurrent
 * change says "reload", anything unexpected is logged with its stack trace and shown as a short apology, never as a
 * stack trace. A client that closed the connection is no failure: a line at DEBUG.
 */
@SpringComponent
class KontorErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(KontorErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static String messageKeyFor(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KontorException kontor) {
                return kontor.messageKey();
            }
            if (cause instanceof OptimisticLockingFailureException
                    || cause instanceof PessimisticLockingFailureException) {
                return new StaleData().messageKey();
            }
            if (cause instanceof AccessDeniedException) {
                return "error.access-refused";
            }
        }
        return null;
    }

    private static Optional<KontorException> kontorCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KontorException kontor) {
                return Optional.of(kontor);
            }
        }
        return Optional.empty();
    }

    static final class Handler implements ErrorHandler {

        @Override
        public void error(ErrorEvent event) {
            Throwable error = event.getThrowable();
            if (ClientGone.is(error)) {
                // the browser closed the connection (a tab closed, a download cancelled): nobody to tell, no fault
                log.debug("Client gone: {}", ClientGone.describe(error));
                return;
            }
            String key = messageKeyFor(error);
            if (key == null) {
                log.error("Unexpected failure in the UI", error);
                key = "error.unexpected";
            } else {
                log.info("Refused: {}", error.getMessage());
            }
            UI ui = UI.getCurrent();
            if (ui == null) {
                return;
            }
            Object[] arguments = kontorCause(error).map(KontorException::arguments).orElse(new Object[0]);
            Notices.error(ui, key, arguments);
        }
    }
}
