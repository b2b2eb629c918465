package dev.kontor.base;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * The application's {@link Clock} as the time of a rate limit's token buckets (sign-in, invitations), so that tests
 * that move the clock move the refills with it.
 */
public record ClockTime(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
