package dev.kontor.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the API takes (see {@link ApiRateLimits}).
 *
 * @param requestsPerToken  requests one token may make in a burst
 * @param tokenRefill       the time in which a token's whole burst refills
 * @param failuresPerAddress unauthenticated requests (no, unknown, expired or revoked token) one client address may
 *                           make in a burst, so that guessing tokens is slowed as well as hopeless
 * @param addressRefill     the time in which an address's failures refill
 * @param lastUsedResolution how stale "last used" may be: it is written at most once in this time per token
 * @param idempotencyRetention how long the answer to a create with an Idempotency-Key is kept for a retry
 */
@ConfigurationProperties("kontor.api")
public record ApiLimits(
        @DefaultValue("120") int requestsPerToken,
        @DefaultValue("1m") Duration tokenRefill,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("1m") Duration addressRefill,
        @DefaultValue("1m") Duration lastUsedResolution,
        @DefaultValue("24h") Duration idempotencyRetention) {

    public ApiLimits {
        if (requestsPerToken < 1 || failuresPerAddress < 1) {
            throw new IllegalArgumentException("kontor.api: requests and failures must be at least 1");
        }
        if (tokenRefill.isNegative() || tokenRefill.isZero() || addressRefill.isNegative() || addressRefill.isZero()) {
            throw new IllegalArgumentException("kontor.api: refill periods must be positive");
        }
    }
}
