package dev.kontor.base;

import java.time.Duration;

/**
 * Holds a call's answer back until a fixed time after the call began, once the call has reached the point where its
 * way depends on what Kontor knows (whether an address has an account, whether the person is a member already). Then
 * the time of the answer tells nothing about which way it went, whatever each way wrote. The caller waits after its
 * transaction has ended, so that no lock and no database connection is held while waiting. Refusals before that
 * point (no right, bad input) are answered at once: they depend on nothing the caller may not know.
 */
public final class AnswerTimeFloor {

    private final long startedAt = System.nanoTime();
    private final Duration floor;
    private volatile boolean armed;

    private AnswerTimeFloor(Duration floor) {
        this.floor = floor;
    }

    public static AnswerTimeFloor startingNow(Duration floor) {
        return new AnswerTimeFloor(floor);
    }

    /** From here on, the answer waits for the floor. */
    public void arm() {
        armed = true;
    }

    /** Waits, when armed, until the floor has passed since the start; called after the transaction has ended. */
    public void await() {
        if (!armed) {
            return;
        }
        long remaining = startedAt + floor.toNanos() - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(remaining));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
