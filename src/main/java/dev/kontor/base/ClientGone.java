package dev.kontor.base;

import java.io.IOException;
import java.util.Locale;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Tells a failure that only says the client went away (a closed tab, a cancelled download, a dropped connection:
 * Tomcat's ClientAbortException, Spring's AsyncRequestNotUsableException, a broken pipe or a reset) from a fault of
 * Kontor. Nothing is wrong on the server then and nobody is left to answer, so it is worth a line at DEBUG, not an
 * ERROR with a stack trace that sends an operator looking for a bug.
 */
public final class ClientGone {

    private ClientGone() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AsyncRequestNotUsableException || namedAsAbort(cause.getClass())) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null) {
                String message = cause.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("broken pipe") || message.contains("connection reset by peer")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A server's own abort type, by name: Tomcat's and Jetty's, without tying Kontor to either. */
    private static boolean namedAsAbort(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String name = c.getSimpleName();
            if (name.equals("ClientAbortException") || name.equals("EofException")) {
                return true;
            }
        }
        return false;
    }

    /** The one line said of it: what was going on and the client's own words, never a stack trace. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
