package dev.kontor.provider;

/**
 * What the provider may change of a customer account's own data: the name and the address (street, postal code,
 * city, ISO country code; empty ones are cleared). The billing address and the out-of-hours number stay the
 * managers' to keep.
 */
public record AccountChange(String name, String street, String postalCode, String city, String country) {
}
