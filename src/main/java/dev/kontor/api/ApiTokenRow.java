package dev.kontor.api;

import java.time.Instant;

/** A token as its organization's list shows it: never its secret. */
public record ApiTokenRow(long id, String name, ApiScope scope, Instant createdAt, Instant expiresAt,
                          Instant revokedAt, Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    static ApiTokenRow of(ApiToken token) {
        return new ApiTokenRow(token.getId(), token.getName(), token.getScope(), token.getCreatedAt(),
                token.getExpiresAt(), token.getRevokedAt(), token.getLastUsedAt());
    }
}
