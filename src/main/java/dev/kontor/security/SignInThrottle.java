package dev.kontor.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import dev.kontor.base.ClockTime;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anybody out, with three limits that together cap both a single
 * client's and a distributed attacker's rate:
 * <ol>
 * <li><b>per client address</b> (strict): a token bucket (Bucket4j) of {@code addressAttempts}, refilled one every
 * {@code addressRefill}. Every attempt takes a token before its password is checked; a successful sign-in gives it
 * back, so only failures count. A client that tries many accounts runs dry after a few.</li>
 * <li><b>per account and address</b>: after {@code freeAttempts} consecutive failures for one account from one address,
 * each further attempt from there waits {@code firstDelay}, doubled per failure, never longer than
 * {@code longestDelay}. Failures elsewhere never touch the delay of the real person's own address.</li>
 * <li><b>per account, all addresses together</b> (loose): a token bucket of {@code accountAttempts}, refilled one
 * every {@code accountRefill}, against a guesser with many addresses. An attacker can empty it, but only for the
 * time of one refill; an address the account signed in from within {@code familiarFor} is exempt from it, and the
 * unlock link exempts the real person's browser wherever it is.</li>
 * </ol>
 * An attempt refused by a limit is refused without looking at the password and does not lengthen any wait. A browser
 * that opened an unlock link for the account is exempt from limits 1 and 3 for that account; limit 2 still applies.
 * IPv6 clients are counted by their /64 network, since one host commonly holds a whole /64.
 * <p>
 * The state is kept in memory: a restart forgets it, which costs an attacker at most one burst. Several instances
 * would each count on their own; a shared Bucket4j backend (JDBC, Redis) would then be needed.
 * <p>
 * Package-private with all its methods: only the sign-in of this package may count or forget attempts, so that no
 * other bean can clear the wait of somebody else's account.
 */
@Component
class SignInThrottle {

    /** Which limit refused an attempt. */
    enum Limit { ADDRESS, ACCOUNT_AT_ADDRESS, ACCOUNT }

    /** An attempt refused unchecked, and how long until the refusing limit lets the next one through. */
    record Refusal(Limit limit, Duration retryAfter) {
    }

    /** Idle state is forgotten after this long; the longest wait is far shorter. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final SignInLimits limits;
    private final Clock clock;
    private final TimeMeter time;
    private final Map<String, Tracked> addresses = new ConcurrentHashMap<>();
    private final Map<String, Tracked> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> accountsAtAddresses = new ConcurrentHashMap<>();
    /** When each account last signed in from each address: such familiar addresses skip the per-account limit. */
    private final Map<String, Instant> familiar = new ConcurrentHashMap<>();

    SignInThrottle(SignInLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.time = new ClockTime(clock);
    }

    /**
     * Lets an attempt through, holding one token of its address and account until {@link #succeeded} or
     * {@link #failed} is called, or says which limit refuses it and for how long.
     */
    Optional<Refusal> admit(String account, String clientAddress, boolean unlocked) {
        Instant now = clock.instant();
        Failures failures = accountsAtAddresses.get(pair(account, clientAddress));
        if (failures != null && failures.notBefore().isAfter(now)) {
            return Optional.of(new Refusal(Limit.ACCOUNT_AT_ADDRESS,
                    wholeSeconds(Duration.between(now, failures.notBefore()).toNanos())));
        }
        if (unlocked) {
            return Optional.empty();
        }
        Tracked address = addressBucket(clientAddress);
        ConsumptionProbe fromAddress = address.bucket().tryConsumeAndReturnRemaining(1);
        if (!fromAddress.isConsumed()) {
            return Optional.of(new Refusal(Limit.ADDRESS, wait(fromAddress)));
        }
        if (isFamiliar(account, clientAddress, now)) {
            return Optional.empty();
        }
        ConsumptionProbe forAccount = accountBucket(account).bucket().tryConsumeAndReturnRemaining(1);
        if (!forAccount.isConsumed()) {
            address.bucket().addTokens(1);
            return Optional.of(new Refusal(Limit.ACCOUNT, wait(forAccount)));
        }
        return Optional.empty();
    }

    /** The right password: the tokens held go back and the account's failures from this address are forgotten. */
    void succeeded(String account, String clientAddress, boolean unlocked) {
        Instant now = clock.instant();
        accountsAtAddresses.remove(pair(account, clientAddress));
        if (!unlocked) {
            addressBucket(clientAddress).bucket().addTokens(1);
            if (!isFamiliar(account, clientAddress, now)) {
                accountBucket(account).bucket().addTokens(1);
            }
        }
        familiar.put(pair(account, clientAddress), now);
    }

    /**
     * The server could not check the attempt (the database was down, say): neither a failure nor a success. The
     * tokens held go back and nothing else changes, so that an outage never slows down the people it kept out.
     */
    void faulted(String account, String clientAddress, boolean unlocked) {
        if (unlocked) {
            // admitted without taking a token
            return;
        }
        addressBucket(clientAddress).bucket().addTokens(1);
        if (!isFamiliar(account, clientAddress, clock.instant())) {
            accountBucket(account).bucket().addTokens(1);
        }
    }

    /** A failed attempt: the tokens stay spent; returns the wait this failure sets for the account at this address. */
    Optional<Duration> failed(String account, String clientAddress) {
        Instant now = clock.instant();
        Failures updated = accountsAtAddresses.compute(pair(account, clientAddress), (key, earlier) -> {
            int count = earlier == null ? 1 : earlier.count() + 1;
            Instant notBefore = limits.delayAfter(count).map(now::plus).orElse(now);
            return new Failures(count, notBefore, now);
        });
        return updated.notBefore().isAfter(now) ? Optional.of(Duration.between(now, updated.notBefore()))
                : Optional.empty();
    }

    /** An unlock link was used from this address: the account's failures from here are forgotten. */
    void clear(String account, String clientAddress) {
        accountsAtAddresses.remove(pair(account, clientAddress));
    }

    /** The key a client address is counted under: the address itself, or its /64 network for IPv6. */
    static String addressKey(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String literal = clientAddress.strip();
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            // an IPv6 literal is parsed without any name lookup
            byte[] bytes = InetAddress.getByName(literal.replaceAll("^\\[|]$", "").replaceAll("%.*$", ""))
                    .getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    /** Each node forgets its own idle counters: this job runs on every node, with no cluster-wide job lock. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void forgetIdleState() {
        Instant now = clock.instant();
        Instant forgetBefore = now.minus(FORGET_AFTER);
        addresses.values().removeIf(tracked -> tracked.idleSince(forgetBefore, limits.addressAttempts()));
        accounts.values().removeIf(tracked -> tracked.idleSince(forgetBefore, limits.accountAttempts()));
        accountsAtAddresses.values().removeIf(failures -> failures.lastFailure().isBefore(forgetBefore));
        familiar.values().removeIf(lastSignIn -> lastSignIn.isBefore(now.minus(limits.familiarFor())));
    }

    private boolean isFamiliar(String account, String clientAddress, Instant now) {
        Instant lastSignIn = familiar.get(pair(account, clientAddress));
        return lastSignIn != null && lastSignIn.isAfter(now.minus(limits.familiarFor()));
    }

    private Tracked addressBucket(String clientAddress) {
        Tracked tracked = addresses.computeIfAbsent(addressKey(clientAddress),
                key -> new Tracked(bucket(limits.addressAttempts(), limits.addressRefill())));
        tracked.touch(clock.instant());
        return tracked;
    }

    private Tracked accountBucket(String account) {
        Tracked tracked = accounts.computeIfAbsent(account,
                key -> new Tracked(bucket(limits.accountAttempts(), limits.accountRefill())));
        tracked.touch(clock.instant());
        return tracked;
    }

    private Bucket bucket(int capacity, Duration refillOne) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillOne.multipliedBy(capacity)))
                .withCustomTimePrecision(time)
                .build();
    }

    private static Duration wait(ConsumptionProbe probe) {
        return wholeSeconds(probe.getNanosToWaitForRefill());
    }

    /** Rounded up to whole seconds: "try again in 0 seconds" would be a lie. */
    private static Duration wholeSeconds(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private static String pair(String account, String clientAddress) {
        return addressKey(clientAddress) + " " + account;
    }

    private record Failures(int count, Instant notBefore, Instant lastFailure) {
    }

    private static final class Tracked {

        private final Bucket bucket;
        private volatile Instant lastUse = Instant.EPOCH;

        Tracked(Bucket bucket) {
            this.bucket = bucket;
        }

        Bucket bucket() {
            return bucket;
        }

        void touch(Instant now) {
            lastUse = now;
        }

        /** Nothing worth keeping: unused for a while and full again, so a new bucket would be the same. */
        boolean idleSince(Instant forgetBefore, int capacity) {
            return lastUse.isBefore(forgetBefore) && bucket.getAvailableTokens() >= capacity;
        }
    }
}
