package dev.kontor.e2e;

import com.microsoft.playwright.TimeoutError;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a journey gives up waiting for the browser (a page that did not load, an element that never came), prints what
 * every thread of this JVM was doing at that moment, Kontor's request threads included (the server runs in the same
 * JVM): a page that hangs on a rare, load-dependent lock is then explained by the log of the run that saw it.
 */
final class ServerThreadsOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (causedByTimeout(thrown)) {
            System.err.println("Threads of the test and server JVM when " + context.getDisplayName()
                    + " timed out:\n" + threads());
        }
        throw thrown;
    }

    private static boolean causedByTimeout(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            // a Playwright assertion that waited in vain says so with its call log
            if (cause instanceof TimeoutError || cause instanceof AssertionError && cause.getMessage() != null
                    && cause.getMessage().contains("Call log:")) {
                return true;
            }
        }
        return false;
    }

    private static String threads() {
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        // ThreadInfo.toString cuts stacks at 8 frames: the frames that say who waits for what are often deeper
        return Arrays.stream(infos).map(info -> info.toString().lines().findFirst().orElse("")
                + Arrays.stream(info.getStackTrace()).limit(60).map(frame -> "\n\tat " + frame)
                        .collect(Collectors.joining())
                + (info.getLockInfo() == null ? "" : "\n\twaiting for " + info.getLockInfo()
                        + (info.getLockOwnerName() == null ? "" : " held by " + info.getLockOwnerName())))
                .collect(Collectors.joining("\n\n"));
    }
}
