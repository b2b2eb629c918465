package dev.kontor.partner.ui;

import dev.kontor.partner.RequestLinkState;
import java.io.Serial;

/** A partner request link that can no longer be answered (or never could); its page explains which and why. */
public class ClosedRequest extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final RequestLinkState state;

    public ClosedRequest(RequestLinkState state) {
        super("Partner request link is " + state);
        this.state = state;
    }

    public RequestLinkState state() {
        return state;
    }
}
