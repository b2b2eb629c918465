package dev.kontor.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per API token and, for failed authentications, per client address. Kept in this node's
 * memory, as sign-in throttling is: with several nodes each counts on its own, so the limit a client sees is at most
 * the per-node limit times the nodes.
 */
@Component
class ApiRateLimits {

    /** Beyond this many addresses tracked the map starts afresh: a flood of addresses cannot fill the memory. */
    private static final int MAX_ADDRESSES = 10_000;

    private final ApiLimits limits;
    private final Map<Long, Bucket> tokens = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    ApiRateLimits(ApiLimits limits) {
        this.limits = limits;
    }

    /** Takes one request of the token's allowance; the wait until the next one when none is left. */
    Optional<Duration> takeForToken(long tokenId) {
        return take(tokens.computeIfAbsent(tokenId, id -> bucket(limits.requestsPerToken(), limits.tokenRefill())));
    }

    /** Takes one failure of the address's allowance; the wait when none is left. */
    Optional<Duration> takeFailure(String address) {
        if (addresses.size() > MAX_ADDRESSES) {
            addresses.clear();
        }
        return take(addresses.computeIfAbsent(address,
                key -> bucket(limits.failuresPerAddress(), limits.addressRefill())));
    }

    /** The wait before the address may try again once its failures are used up, without taking one. */
    Optional<Duration> addressBlocked(String address) {
        Bucket bucket = addresses.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(wholeSeconds(limits.addressRefill().toNanos() / limits.failuresPerAddress()));
    }

    private static Optional<Duration> take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(wholeSeconds(probe.getNanosToWaitForRefill()));
    }

    private static Bucket bucket(int capacity, Duration refill) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refill)).build();
    }

    /** Rounded up to whole seconds, as Retry-After says them: "0 seconds" would be a lie. */
    private static Duration wholeSeconds(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
