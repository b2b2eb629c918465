package dev.kontor.api;

/** An organization the signed-in person may issue API tokens for: their partner, or the provider. */
public record TokenIssuer(long organizationId, String name, boolean provider) {
}
