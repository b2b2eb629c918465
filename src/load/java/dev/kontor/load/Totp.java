package dev.kontor.load;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticator codes for the virtual users, computed with the library Kontor checks them with (RFC 6238: SHA-1, six
 * digits, 30-second steps). Kontor accepts each person's time step once (a code, or an older one, never works
 * twice), so virtual users who sign in as the same person take turns: each reserves the next step nobody used for
 * that person and waits until it has begun. With a handful of demo people this paces their sign-ins; with one
 * person per virtual user (the volume data) nobody waits.
 */
public final class Totp {

    private static final long STEP_MILLIS = 30_000;
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private Totp() {
    }

    /** The time step this sign-in of {@code person} will use: the current one, or the next one nobody took. */
    public static long reserve(String person) {
        long now = System.currentTimeMillis() / STEP_MILLIS;
        return LAST_STEP.merge(person, now, (last, current) -> Math.max(last + 1, current));
    }

    /** How long to wait until {@code step} has begun. */
    public static Duration waitFor(long step) {
        long wait = step * STEP_MILLIS - System.currentTimeMillis();
        return Duration.ofMillis(Math.max(0, wait + 50));
    }

    public static String code(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("An authenticator code could not be computed", e);
        }
    }
}
