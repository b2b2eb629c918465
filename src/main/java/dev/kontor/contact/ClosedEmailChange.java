package dev.kontor.contact;

import java.io.Serial;

/** A link to confirm a new e-mail address that no longer works (or never did); its page says which. */
public class ClosedEmailChange extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final EmailChangePreview.State state;

    public ClosedEmailChange(EmailChangePreview.State state) {
        super("E-mail confirmation link is " + state);
        this.state = state;
    }

    public EmailChangePreview.State state() {
        return state;
    }
}
