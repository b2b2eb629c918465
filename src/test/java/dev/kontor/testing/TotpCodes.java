package dev.kontor.testing;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Clock;
import java.time.Instant;

/** What an authenticator app shows for a secret: tests compute the codes a person would type. */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The code for the time step that holds this instant. */
    public static String at(String secret, Instant instant) {
        return forStep(secret, instant.getEpochSecond() / 30);
    }

    public static String now(String secret, Clock clock) {
        return at(secret, clock.instant());
    }

    public static String forStep(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret.replace(" ", ""), step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
