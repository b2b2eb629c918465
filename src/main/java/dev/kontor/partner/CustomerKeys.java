package dev.kontor.partner;

/**
 * A customer as a new relationship records it for the managed-customers grid: its number and its name folded as
 * {@code dev.kontor.base.SearchKeys} folds it (the organization's search key).
 */
record CustomerKeys(long customerId, String number, String nameKey) {
}
