package dev.kontor.contact;

/** What a confirmation link is worth, for the public page that confirms a contact's new e-mail address. */
public record EmailChangePreview(State state, String currentEmail, String newEmail, String organization) {

    public enum State { OPEN, EXPIRED, UNKNOWN }

    static EmailChangePreview unknown() {
        return new EmailChangePreview(State.UNKNOWN, null, null, null);
    }
}
