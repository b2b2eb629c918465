package dev.kontor.invitation;

import java.time.Instant;

/** A fresh invitation: its link (with the token, which is nowhere stored) and when it expires. */
public record IssuedInvitation(long invitationId, String link, Instant expiresAt) {
}
