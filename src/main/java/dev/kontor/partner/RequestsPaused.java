package dev.kontor.partner;

import dev.kontor.base.InvalidInput;
import java.io.Serial;
import java.time.Instant;

/**
 * The partner's requests matched no account too often today: every request is refused until {@link #until()}. Its
 * argument is that moment, which each caller shows in its reader's terms (a page in the browser's zone, the API as
 * Retry-After).
 */
public class RequestsPaused extends InvalidInput {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Instant until;

    RequestsPaused(Instant until) {
        super("customerNumber", "partner.request.paused", until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
