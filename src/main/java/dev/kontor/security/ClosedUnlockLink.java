package dev.kontor.security;

import java.io.Serial;

/** An unlock link that can no longer be used (or never could); its page explains which and what to do. */
public class ClosedUnlockLink extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UnlockState state;

    public ClosedUnlockLink(UnlockState state) {
        super("Unlock link is " + state);
        this.state = state;
    }

    public UnlockState state() {
        return state;
    }
}
