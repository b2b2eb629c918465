package dev.kontor.partner;

/** An employee assigned to a customer, as the managed-customers list names them. */
public record Assignee(long customerId, long userId, String displayName) {
}
