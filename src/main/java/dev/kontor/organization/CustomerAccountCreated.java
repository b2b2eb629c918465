package dev.kontor.organization;

/** A customer account was added to the tree; published inside the transaction that adds it. */
public record CustomerAccountCreated(long organizationId) {
}
