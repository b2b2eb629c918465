package dev.kontor.organization;

/**
 * A customer account has a new name; published inside the transaction that renames it, so that copies of the name
 * kept elsewhere for sorting (the partner relationship's name key) change with it or not at all.
 */
public record CustomerRenamed(long organizationId, String name, String searchKey) {
}
