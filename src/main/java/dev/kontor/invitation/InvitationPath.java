package dev.kontor.invitation;

/** How the person who opened an invitation link can answer it. */
public enum InvitationPath {
    /** The invitee is new to Kontor: they choose a password and accept, without signing in. */
    SET_PASSWORD,
    /** The invitee has a password: they sign in first, then accept or decline. */
    SIGN_IN,
    /** The invitee is signed in: they accept or decline as themselves. */
    SIGNED_IN_INVITEE,
    /** Someone else is signed in: they must sign out first; the link is not theirs. */
    SIGNED_IN_OTHER
}
