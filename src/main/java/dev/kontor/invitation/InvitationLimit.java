package dev.kontor.invitation;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.InvalidInput;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Callers;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import dev.kontor.base.ClockTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many invitations one person may send: {@code kontor.invitation.per-person-per-hour}, counted across all
 * organizations and all the forms that invite by address (Add manager, Add customer, Add administrator, the
 * provider's new accounts, partners and staff). Every invitation is a Kontor mail to an address the inviter chose,
 * and to the account's other managers too; without a limit, one account could send any number of them.
 * <p>
 * A token bucket (Bucket4j, as for sign-in) per inviting person, refilled evenly over the hour. Like the sign-in
 * throttle it is kept in memory: several nodes would each allow the limit, which still bounds the mails a person can
 * send; a restart forgets the counts. The API tokens of a partner or a customer count together as one more inviter
 * (a contact's new address, set through the API, is mailed as well); the provider's tokens, which create accounts
 * in bulk, are bounded by their rate limit alone.
 */
@Component
public class InvitationLimit {

    static final String INVITATIONS_LIMITED = "INVITATIONS_LIMITED";
    private static final Duration PERIOD = Duration.ofHours(1);

    private final int perHour;
    private final Clock clock;
    private final Callers callers;
    private final AuditLog auditLog;
    private final TimeMeter time;
    private final Map<Inviter, Tracked> inviters = new ConcurrentHashMap<>();

    InvitationLimit(InvitationSettings settings, Clock clock, Callers callers, AuditLog auditLog) {
        this.perHour = settings.perPersonPerHour();
        this.clock = clock;
        this.callers = callers;
        this.auditLog = auditLog;
        this.time = new ClockTime(clock);
    }

    /**
     * Counts one invitation (or one mail asking a new contact address to confirm itself) of the signed-in person or
     * API token, into the organization given, or refuses it (audited, with the minutes until the next one is allowed)
     * when they have sent their hourly allowance. Called after the form's input was found valid and before anything
     * is created.
     */
    public void take(Long organizationId) {
        AuthenticatedUser me = callers.requirePerson();
        if (me.apiToken().filter(token -> token.provider()).isPresent()) {
            // a provider's API token is bounded by its own rate limit (ApiRateLimits) and names itself in the log
            return;
        }
        // all of an organization's tokens count together: a new token is made in seconds
        Inviter inviter = me.apiToken().map(token -> new Inviter(true, token.organizationId()))
                .orElseGet(() -> new Inviter(false, me.userId()));
        Tracked tracked = inviters.computeIfAbsent(inviter, id -> new Tracked(Bucket.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, PERIOD))
                .withCustomTimePrecision(time).build()));
        tracked.lastUse = clock.instant();
        ConsumptionProbe probe = tracked.bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return;
        }
        long minutes = Math.max(1, (probe.getNanosToWaitForRefill() + 59_999_999_999L) / 60_000_000_000L);
        auditLog.recordIndependently(AuditEntry.denied(INVITATIONS_LIMITED, organizationId,
                AuditSummary.of("invitations-limited", perHour)));
        throw new InvalidInput("invitations", "invitation.too-many", minutes);
    }

    /** Full buckets unused for an hour are forgotten: a new one would be the same. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetIdle() {
        Instant forgetBefore = clock.instant().minus(PERIOD);
        inviters.values().removeIf(tracked -> tracked.lastUse.isBefore(forgetBefore)
                && tracked.bucket.getAvailableTokens() >= perHour);
    }

    /** A person, or the API tokens of an organization, which are no person: their ids may be equal. */
    private record Inviter(boolean apiToken, long id) {
    }

    private static final class Tracked {

        private final Bucket bucket;
        private volatile Instant lastUse = Instant.EPOCH;

        Tracked(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
