package dev.kontor.partner;

/**
 * How the person who opened a request link can answer it: a new manager (whose account was created with the
 * request) chooses their first password on the page; anyone else signs in, and only an active manager of the
 * addressed customer account may answer.
 */
public enum AnswerPath {
    /** Someone is signed in who manages the addressed account: they answer as themselves. */
    SIGNED_IN_MANAGER,
    /**
     * The addressee is signed in, invited as the new account's first manager and not a manager yet: the request is
     * their invitation, so accepting it accepts the invitation too; until then they are told they are only invited.
     */
    SIGNED_IN_INVITEE,
    /** Nobody is signed in and the addressee is new to Kontor: the page collects their first password. */
    SET_PASSWORD,
    /** Nobody is signed in, and the addressee has a password: sign in first. */
    SIGN_IN,
    /** Someone is signed in who does not manage the addressed account: they cannot answer (but may sign out). */
    SIGNED_IN_OTHER
}
