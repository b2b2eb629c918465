package dev.kontor.partner;

/**
 * What a partner sees of a customer in its lists (name, number, the contact person's name, whether a payment method
 * is on file), read when a relationship closes and kept on it: from then on the former partner sees this, never
 * anything newer.
 */
public record CustomerSnapshot(long customerId, String name, String customerNumber, String contactPersonName,
                        boolean paymentMethodOnFile) {
}
