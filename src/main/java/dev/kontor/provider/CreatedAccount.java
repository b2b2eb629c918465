package dev.kontor.provider;

/** The account just created: its id and customer number. */
public record CreatedAccount(long id, String customerNumber) {
}
