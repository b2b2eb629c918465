package dev.kontor.invitation;

/** What an invitation link is worth when someone opens it. UNKNOWN covers forged and mistyped links. */
public enum InvitationState {
    OPEN, EXPIRED, USED, REVOKED, UNKNOWN
}
