package dev.kontor.invitation;

import java.io.Serial;

/** An invitation link that can no longer be used (or never could); its page explains which and why. */
public class ClosedInvitation extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final InvitationState state;

    public ClosedInvitation(InvitationState state) {
        super("Invitation link is " + state);
        this.state = state;
    }

    public InvitationState state() {
        return state;
    }
}
