package dev.kontor.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where tests get the code a person's authenticator app shows when signing in. Kontor accepts each
 * time step once (and the steps before and after now, for clocks that drift), so two sign-ins of the same person in
 * one step need different codes: this hands out the current step, then the next one, and only when both are spent
 * waits for the step after. Steps are counted per secret for the whole test run, which is the safe side when tests
 * share a server.
 */
public final class SignInCodes {

    private static final long STEP_SECONDS = 30;
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private SignInCodes() {
    }

    /** A code for this secret that no earlier call handed out, waiting for the next time step if need be. */
    public static String fresh(String secret) {
        String key = secret.replace(" ", "");
        synchronized (LAST_STEP) {
            while (true) {
                long now = Instant.now().getEpochSecond() / STEP_SECONDS;
                long step = Math.max(now, LAST_STEP.getOrDefault(key, Long.MIN_VALUE) + 1);
                if (step <= now + 1) {
                    LAST_STEP.put(key, step);
                    return TotpCodes.forStep(key, step);
                }
                long waitMillis = (now + 1) * STEP_SECONDS * 1000 - Instant.now().toEpochMilli() + 200;
                sleep(Duration.ofMillis(Math.max(waitMillis, 50)));
            }
        }
    }

    /** A fresh code for a demo person who has an authenticator (see {@link DemoPeople#AUTHENTICATORS}). */
    public static Optional<String> forDemoPerson(String email) {
        return Optional.ofNullable(DemoPeople.AUTHENTICATORS.get(email)).map(SignInCodes::fresh);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the next time step", e);
        }
    }
}
