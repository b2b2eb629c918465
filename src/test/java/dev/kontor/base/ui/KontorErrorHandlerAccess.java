package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;

/** Lets view tests in other packages see which message the error handler would show for a failure. */
public final class KontorErrorHandlerAccess {

    private KontorErrorHandlerAccess() {
    }

    public static String messageFor(Throwable failure) {
        String key = KontorErrorHandler.messageKeyFor(failure);
        return UI.getCurrent().getTranslation(key == null ? "error.unexpected" : key);
    }
}
